package dev.gamingapi.agent.outlet.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gamingapi.agent.outlet.CommandOutlet;
import dev.gamingapi.agent.outlet.HttpPushSettings;
import dev.gamingapi.agent.outlet.OutletException;
import dev.gamingapi.agent.outlet.internal.CommandDocument;
import dev.gamingapi.agent.outlet.internal.Durations;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.sdk.CommandRejectedException;
import dev.gamingapi.sdk.ReceivedCommand;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * Commands POSTed to the game server's own HTTP endpoint, one request per command with the command
 * as JSON ({@code id, name, args, delivery, not_before, expires_at}; the same id on a retry). A 2xx
 * answer succeeds with its JSON body as the output (an empty body: no output; a body that is not
 * JSON: that text), any other status fails with the status and the start of the body: at once for
 * 400 and 422 (the game server refused the command itself), else to be retried.
 */
public final class HttpPushOutlet implements CommandOutlet {
  private static final int MAX_ERROR_BODY = 500;

  private final HttpPushSettings settings;
  private final HttpClient client;

  private HttpPushOutlet(HttpPushSettings settings) {
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** An outlet posting to the settings' URL; nothing is sent before the first command. */
  public static HttpPushOutlet open(HttpPushSettings settings) {
    return new HttpPushOutlet(Objects.requireNonNull(settings, "settings"));
  }

  @Override
  public Set<String> commandNames() {
    return settings.commands();
  }

  @Override
  public JsonNode run(ReceivedCommand command) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(CommandDocument.of(command).toJson()))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new OutletException(
          "POST " + settings.url() + " timed out after " + Durations.describe(settings.timeout()),
          e);
    } catch (ConnectException e) {
      throw new OutletException(
          "cannot reach "
              + settings.url()
              + " (is the game server's HTTP endpoint up?): "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    } catch (IOException e) {
      throw new OutletException("POST " + settings.url() + " failed: " + e, e);
    }
    String body = response.body();
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      String shown = body.length() > MAX_ERROR_BODY ? body.substring(0, MAX_ERROR_BODY) : body;
      String message =
          "POST " + settings.url() + " answered " + status + (shown.isBlank() ? "" : ": " + shown);
      // 400 and 422 say the command itself is wrong: the same request would be refused again.
      throw status == 400 || status == 422
          ? new CommandRejectedException(message)
          : new OutletException(message);
    }
    if (body.isBlank()) {
      return null;
    }
    try {
      return ContractJson.mapper().readTree(body);
    } catch (IOException notJson) {
      return TextNode.valueOf(body); // it did run: failing it now would run it again
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
