package dev.gamingapi.server.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.server.notify.NotifyConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A running platform for the portal's tests, and the operator's REST calls that set the scene (the
 * browser does what the tests are about).
 */
final class PortalWorld implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final Platform platform;
  final String operatorToken;

  private PortalWorld(Platform platform) throws IOException {
    this.platform = platform;
    this.operatorToken = Files.readString(platform.connectionInfo().operatorToken()).strip();
  }

  static PortalWorld start(Path dataDir) throws IOException {
    Platform platform =
        new Platform(
                PlatformSettings.of(PlatformConfig.embedded(dataDir, 0))
                    .withApi(ApiConfig.defaults())
                    .withNotifications( // The screenshots' webhook endpoint is on loopback.
                        NotifyConfig.defaults().allowingPrivate()))
            .start();
    return new PortalWorld(platform);
  }

  String url() {
    return platform.connectionInfo().httpUrl();
  }

  String brokerUrl() {
    return platform.connectionInfo().brokerUrl();
  }

  /** Sends {@code json} (null: no body) as {@code token}; answers the JSON, failing on an error. */
  JsonNode call(String token, String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url() + "/api/v1" + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + ": " + response.body());
      }
      return response.body().isEmpty() ? null : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode operator(String method, String path, String json) {
    return call(operatorToken, method, path, json);
  }

  /** Creates account {@code name} with an owner user; answers the owner's token. */
  String accountWithOwner(String name, String owner) {
    operator("POST", "/accounts", "{\"name\":\"" + name + "\",\"plan\":\"standard\"}");
    return owner(name, owner);
  }

  /** Creates owner user {@code owner} in {@code account}; answers its token. */
  String owner(String account, String owner) {
    return operator(
            "POST",
            "/accounts/" + account + "/users",
            "{\"name\":\"" + owner + "\",\"kind\":\"owner\"}")
        .path("token")
        .asText();
  }

  @Override
  public void close() {
    platform.close();
  }
}
