package dev.gamingapi.cli;

import static dev.gamingapi.cli.CliAccountsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.server.app.Environment;
import dev.gamingapi.server.app.OperatorSetup;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StreamState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gamingapi backup} and {@code gamingapi restore} of a platform with an external broker,
 * driven by the {@code GAMINGAPI_*} settings the platform reads (set here as system properties,
 * which {@link Environment#process()} prefers to variables), and what they refuse in one line.
 */
class CliExternalBackupTest {
  /** Events; raise it ({@code -Dgamingapi.backupTest.events=100000}) for figures. */
  private static final int EVENTS = Integer.getInteger("gamingapi.backupTest.events", 100);

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final Map<String, String> set = new LinkedHashMap<>();

  @AfterEach
  void unset() {
    set.keySet().forEach(System::clearProperty);
  }

  private void env(String name, String value) {
    set.put(name, value);
    System.setProperty(name, value);
  }

  @Test
  void aPlatformWithAnExternalBrokerIsBackedUpAndRestoredOntoANewBroker() throws Exception {
    Path operator = dir.resolve("operator");
    OperatorSetup.ensure(operator);
    String brokerConfig =
        Files.readString(operator.resolve(OperatorSetup.BROKER_INCLUDE))
            + "resolver { type: full, dir: \"jwt\", allow_delete: true }\n";
    env("GAMINGAPI_OPERATOR_SIGNING_SEED_FILE", operator.resolve("operator-signing.nk").toString());
    env("GAMINGAPI_OPERATOR_JWT_FILE", operator.resolve("operator.jwt").toString());
    env("GAMINGAPI_SYSTEM_CREDS_FILE", operator.resolve("sys.creds").toString());
    Path old = dir.resolve("old");
    Path backup = dir.resolve("backup");
    Path owner = dir.resolve("owner.creds");
    StreamState before;
    try (NatsServerProcess broker =
        NatsServerProcess.start(dir.resolve("broker-old"), FreePorts.next(), brokerConfig)) {
      env("GAMINGAPI_BROKER_URL", broker.url());
      try (Platform platform = start(old)) {
        Files.copy(platform.connectionInfo().ownerCreds(), owner);
        publishKills(broker.url(), platform.connectionInfo().gameServerCreds().get("demo"));
        before = events(broker.url(), owner);
        awaitApplied(platform, before.getLastSequence());

        CliRun saved = CliRun.of("backup", "--to", backup.toString(), "--data-dir", old.toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        System.out.println(saved.out());
        assertThat(saved.out())
            .contains("database (sqlite): 1 tenant(s)")
            .contains("the master key and the operator files are not copied")
            .containsPattern("(?m)^default: EVENTS " + String.format("%,d", EVENTS) + " msgs")
            .contains("backed up 1 tenant(s)");
        refused(
            CliRun.of("backup", "--to", backup.toString(), "--data-dir", old.toString()),
            backup + " is not empty");
        refused(
            CliRun.of(
                "backup",
                "--to",
                dir.resolve("b2").toString(),
                "--data-dir",
                old.toString(),
                "--url",
                "nats://127.0.0.1:" + FreePorts.next()),
            "connect");
      }
    }

    Path fresh = dir.resolve("new");
    String[] restore = {
      "restore",
      "--from",
      backup.toString(),
      "--data-dir",
      fresh.toString(),
      "--master-key-file",
      old.resolve("master.key").toString()
    };
    env("GAMINGAPI_BROKER_URL", "nats://127.0.0.1:" + FreePorts.next());
    refused(CliRun.of(restore), "cannot reach the broker");
    env("GAMINGAPI_OPERATOR_JWT_FILE", dir.resolve("no-such.jwt").toString());
    refused(CliRun.of(restore), "does not exist or is not readable");
    env("GAMINGAPI_OPERATOR_JWT_FILE", operator.resolve("operator.jwt").toString());
    assertThat(fresh).doesNotExist(); // each refused before anything was written

    try (NatsServerProcess broker =
        NatsServerProcess.start(dir.resolve("broker-new"), FreePorts.next(), brokerConfig)) {
      env("GAMINGAPI_BROKER_URL", broker.url());
      CliRun restored = CliRun.of(restore);
      assertThat(restored.exitCode()).as(restored.err()).isZero();
      System.out.println(restored.out());
      assertThat(restored.out())
          .containsPattern("^backup of 20\\S+ \\(gamingapi dev, sqlite, external broker\\)")
          .contains("restored 1 tenant(s)")
          .contains("(and the same GAMINGAPI_* settings)");
      restore[4] = dir.resolve("again").toString();
      refused(CliRun.of(restore), "already has account default");

      try (Platform platform = start(fresh)) {
        awaitApplied(platform, before.getLastSequence());
        StreamState after = events(broker.url(), owner); // creds from before
        assertThat(after.getLastSequence()).isEqualTo(before.getLastSequence());
        assertThat(after.getMsgCount()).isEqualTo(before.getMsgCount());
      }
    }
  }

  private static Platform start(Path dataDir) {
    return new Platform(PlatformSettings.fromEnvironment(Environment.process(), dataDir)).start();
  }

  private static void publishKills(String url, Path creds) {
    try (GameServerClient client =
        GameServerClient.builder()
            .url(url)
            .credentials(creds)
            .journalDir(creds.getParent().resolveSibling("journal"))
            .build()) {
      for (int i = 0; i < EVENTS; i++) {
        client.publish(new PlayerKilled("p" + i, "victim", null, null, null));
      }
      client.flush(Duration.ofSeconds(60));
    }
  }

  private static StreamState events(String url, Path creds) throws Exception {
    try (Connection connection =
        Nats.connect(
            Options.builder()
                .server(url)
                .authHandler(Nats.credentials(creds.toString()))
                .build())) {
      return connection.jetStreamManagement().getStreamInfo("EVENTS").getStreamState();
    }
  }

  private static void awaitApplied(Platform platform, long sequence) throws Exception {
    String token = Files.readString(platform.connectionInfo().operatorToken()).strip();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    platform.connectionInfo().httpUrl() + "/api/v1/accounts/default/read-models"))
            .header("Authorization", "Bearer " + token)
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
                          .path("position")
                          .asLong()
                      >= sequence);
    }
  }
}
