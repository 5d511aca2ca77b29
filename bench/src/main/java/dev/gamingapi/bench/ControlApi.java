package dev.gamingapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal client of the platform's REST API with the operator token, for the benchmark. */
final class ControlApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;

  /** An answer: status, body, and the time from sending the request to reading the body. */
  record Reply(int status, String body, long nanos) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }

    /** The problem's detail of an error, else the body. */
    String problem() {
      try {
        JsonNode node = JSON.readTree(body);
        return node.path("status").asInt() + " " + node.path("detail").asText(body);
      } catch (IOException e) {
        return status + " " + body;
      }
    }
  }

  ControlApi(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  Reply createAccount(String name, String plan) {
    return send(
        "POST", "/api/v1/accounts", "{\"name\":\"" + name + "\",\"plan\":\"" + plan + "\"}");
  }

  Reply createOwner(String account, String user) {
    return send(
        "POST",
        "/api/v1/accounts/" + account + "/users",
        "{\"name\":\"" + user + "\",\"kind\":\"owner\"}");
  }

  Reply changePlan(String account, String plan) {
    return send("PATCH", "/api/v1/accounts/" + account, "{\"plan\":\"" + plan + "\"}");
  }

  /** A GET of {@code path}. */
  Reply get(String path) {
    return send("GET", path, null);
  }

  /** {@code method} on {@code path} with a JSON {@code body} (null: none). */
  Reply send(String method, String path, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpRequest request = builder.build();
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), System.nanoTime() - start);
    } catch (IOException e) {
      return new Reply(-1, e.toString(), System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
