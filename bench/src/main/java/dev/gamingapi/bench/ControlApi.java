package dev.gamingapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.ApiProblemException;
import dev.gamingapi.sdk.ApiUnreachableException;
import dev.gamingapi.sdk.rest.RestClient;
import dev.gamingapi.sdk.rest.RestResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The SDK's REST client with the operator token, for the benchmark: every call answers a timed
 * {@link Reply}, refusals included, since the benchmark counts and reports them rather than
 * stopping at the first.
 */
final class ControlApi implements AutoCloseable {
  private final RestClient rest;

  /**
   * An answer.
   *
   * @param status the HTTP status, or -1 when none came
   * @param json the answer's JSON; null for a refusal
   * @param problem the status and the problem's detail (or why no answer came), for messages
   * @param nanos the time from sending the request to reading the answer
   */
  record Reply(int status, JsonNode json, String problem, long nanos) {}

  /** The body of {@code POST /accounts}. */
  record NewAccount(String name, String plan) {}

  /** The body of {@code POST /accounts/ACCOUNT/users}. */
  record NewUser(String name, String kind) {}

  ControlApi(String baseUrl, String token) {
    this.rest =
        RestClient.builder()
            .url(baseUrl)
            .token(token)
            .requestTimeout(Duration.ofSeconds(60))
            .build();
  }

  Reply createAccount(String name, String plan) {
    return send("POST", "/accounts", new NewAccount(name, plan));
  }

  Reply createOwner(String account, String user) {
    return send("POST", RestClient.path("accounts", account, "users"), new NewUser(user, "owner"));
  }

  Reply changePlan(String account, String plan) {
    return send("PATCH", RestClient.path("accounts", account), Map.of("plan", plan));
  }

  /** A GET of {@code path} (under {@code /api/v1}). */
  Reply get(String path) {
    return send("GET", path, null);
  }

  /** {@code method} on {@code path} (under {@code /api/v1}) with {@code body} (null: none). */
  Reply send(String method, String path, Object body) {
    long start = System.nanoTime();
    try {
      RestResponse response = rest.send(method, path, body);
      return new Reply(
          response.status(),
          response.body(),
          response.status() + " " + response.body(),
          System.nanoTime() - start);
    } catch (ApiProblemException e) {
      return new Reply(e.status(), null, e.status() + " " + e.detail(), System.nanoTime() - start);
    } catch (ApiUnreachableException e) {
      return new Reply(-1, null, e.getMessage(), System.nanoTime() - start);
    }
  }

  @Override
  public void close() {
    rest.close();
  }
}
