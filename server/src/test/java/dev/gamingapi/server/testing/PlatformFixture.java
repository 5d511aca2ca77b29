package dev.gamingapi.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.server.notify.NotifyConfig;
import dev.gamingapi.server.store.TestDatabase;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A running platform with the operator's API client, and helpers to make tenants and users. */
public final class PlatformFixture implements AutoCloseable {
  public final Path dataDir;
  public final Platform platform;
  public final Api operator;

  private PlatformFixture(Path dataDir, Platform platform) throws Exception {
    this.dataDir = dataDir;
    this.platform = platform;
    String token = Files.readString(platform.connectionInfo().operatorToken()).strip();
    this.operator = new Api(platform.connectionInfo().httpUrl(), token);
  }

  /** A platform keeping its control plane in {@code database}. */
  public static PlatformFixture start(Path dataDir, TestDatabase database) throws Exception {
    return start(dataDir, ApiConfig.defaults().withDatabaseUrl(database.url()));
  }

  public static PlatformFixture start(Path dataDir, ApiConfig control) throws Exception {
    return start(dataDir, control, NOTIFY);
  }

  /**
   * Notifications in tests: local endpoints allowed (the recording endpoint is on loopback), quick
   * retries, a server unresponsive after 2 s without heartbeat.
   */
  public static final NotifyConfig NOTIFY =
      NotifyConfig.defaults()
          .allowingPrivate()
          .withTimings(
              Duration.ofSeconds(1),
              Duration.ofMillis(100),
              Duration.ofSeconds(1),
              Duration.ofMinutes(10),
              Duration.ofSeconds(2));

  public static PlatformFixture start(Path dataDir, ApiConfig control, NotifyConfig notify)
      throws Exception {
    Platform platform =
        new Platform(
                PlatformSettings.of(PlatformConfig.embedded(dataDir, 0))
                    .withApi(control)
                    .withNotifications(notify))
            .start();
    return new PlatformFixture(dataDir, platform);
  }

  /** A platform on SQLite whose time is {@code clock} (a {@link SteppedClock} in tests). */
  public static PlatformFixture start(Path dataDir, java.time.Clock clock) throws Exception {
    Platform platform =
        new Platform(
                PlatformSettings.of(PlatformConfig.embedded(dataDir, 0)).withNotifications(NOTIFY),
                clock)
            .start();
    return new PlatformFixture(dataDir, platform);
  }

  public String brokerUrl() {
    return platform.connectionInfo().brokerUrl();
  }

  public String httpUrl() {
    return platform.connectionInfo().httpUrl();
  }

  /** Creates an account on {@code plan} and answers its JSON. */
  public JsonNode account(String name, String plan) {
    Api.Response created =
        operator.post("/api/v1/accounts", "{\"name\":\"" + name + "\",\"plan\":\"" + plan + "\"}");
    if (created.status() != 201) {
      throw new IllegalStateException("account " + name + ": " + created.raw().body());
    }
    return created.json();
  }

  /** Registers server {@code id} in {@code account}. */
  public void server(String account, String id) {
    Api.Response created =
        operator.post("/api/v1/accounts/" + account + "/servers", "{\"id\":\"" + id + "\"}");
    if (created.status() != 201) {
      throw new IllegalStateException("server " + id + ": " + created.raw().body());
    }
  }

  /** Creates a user from {@code json} and keeps its creds file and token. */
  public Issued user(String account, String json) throws Exception {
    Api.Response created = operator.post("/api/v1/accounts/" + account + "/users", json);
    if (created.status() != 201) {
      throw new IllegalStateException("user " + json + ": " + created.raw().body());
    }
    return issued(created.json());
  }

  public Issued issued(JsonNode credentials) throws Exception {
    String name = credentials.path("user").path("name").asText();
    Path creds = Files.createTempFile(dataDir, name + "-", ".creds");
    Files.writeString(creds, credentials.path("creds").asText());
    return new Issued(
        name,
        creds,
        credentials.path("token").asText(),
        operator.as(credentials.path("token").asText()));
  }

  /** A user's secrets as the API answered them once. */
  public record Issued(String name, Path creds, String token, Api api) {}

  /** A NATS client of {@code creds} that records the broker's asynchronous errors. */
  public Client connect(Issued user, String inboxPrefix) throws Exception {
    List<String> errors = new CopyOnWriteArrayList<>();
    Options.Builder options =
        Options.builder()
            .server(brokerUrl())
            .authHandler(Nats.credentials(user.creds().toString()))
            .maxReconnects(0)
            .connectionTimeout(Duration.ofSeconds(3))
            .errorListener(
                new ErrorListener() {
                  @Override
                  public void errorOccurred(Connection conn, String error) {
                    errors.add(error);
                  }
                });
    if (inboxPrefix != null) {
      options.inboxPrefix(inboxPrefix);
    }
    return new Client(Nats.connect(options.build()), errors);
  }

  /** A connection and the asynchronous errors it received. */
  public record Client(Connection connection, List<String> errors) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      connection.close();
    }
  }

  @Override
  public void close() {
    platform.close();
  }
}
