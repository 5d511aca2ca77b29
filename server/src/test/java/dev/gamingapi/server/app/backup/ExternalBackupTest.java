package dev.gamingapi.server.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.app.OperatorFixture;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.server.store.TestDatabase;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsCluster;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ClusterInfo;
import io.nats.client.api.Replica;
import io.nats.client.api.StreamInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A platform with an external broker (operator mode, keys in the database) backed up while it runs
 * and restored onto a new nats-server and a new database, as on a new machine: a platform started
 * there serves the tenants with the same tokens and creds, every event at the same sequence, the
 * same leaderboards, stream replicas that follow the new broker, and applies a new event once.
 */
class ExternalBackupTest {
  /** Events per tenant; raise it ({@code -Dgamingapi.backupTest.events=100000}) for figures. */
  private static final int EVENTS = Integer.getInteger("gamingapi.backupTest.events", 30);

  @TempDir Path tmp;

  /**
   * Both ways between one node and a cluster: R1 streams restored onto 3 nodes (raised to R3 by the
   * platform), R3 streams snapshotted through a cluster and restored onto one node as R1.
   */
  @ParameterizedTest(name = "{0}, from {1} node(s) onto {2}")
  @CsvSource({"SQLite, 1, 3", "PostgreSQL, 3, 1"})
  void aBackupIsRestoredOntoANewBrokerAndDatabase(String kind, int from, int nodes)
      throws Exception {
    OperatorFixture operator = OperatorFixture.create(tmp.resolve("operator"));
    Path backup = tmp.resolve("backup");
    Map<String, Path> owners = new LinkedHashMap<>();
    Map<String, Tenant> before = new LinkedHashMap<>();
    Path acmeServer = tmp.resolve("acme-eu-1.creds");
    Path demo = tmp.resolve("demo.creds");
    String readerToken;
    String operatorToken;
    List<String> progress = new ArrayList<>();
    try (TestDatabase oldDb = TestDatabase.of(kind);
        TestDatabase newDb = TestDatabase.of(kind)) {
      try (Broker broker = Broker.start(tmp.resolve("broker-old"), from, operator);
          Platform old = start(operator, tmp.resolve("old"), broker.url(), oldDb)) {
        Api api = api(old);
        assertThat(
                api.post("/api/v1/accounts", "{\"name\":\"acme\",\"plan\":\"standard\"}").status())
            .isEqualTo(201);
        assertThat(api.post("/api/v1/accounts/acme/servers", "{\"id\":\"eu-1\"}").status())
            .isEqualTo(201);
        issue(
            api,
            "{\"name\":\"eu-1-host\",\"kind\":\"game_server\",\"server\":\"eu-1\"}",
            acmeServer);
        owners.put("acme", tmp.resolve("acme-owner.creds"));
        readerToken = issue(api, "{\"name\":\"reader\",\"kind\":\"owner\"}", owners.get("acme"));
        owners.put(
            "default", Files.copy(old.connectionInfo().ownerCreds(), tmp.resolve("o.creds")));
        Files.copy(old.connectionInfo().gameServerCreds().get("demo"), demo);
        for (String tenant : owners.keySet()) {
          api.send(
              "PUT",
              "/api/v1/accounts/" + tenant + "/leaderboards/kills",
              "{\"stat\":\"kills\",\"operator\":\"incr\"}",
              "application/json");
        }
        publishKills(broker.url(), demo, tmp.resolve("journal-default"), EVENTS);
        publishKills(broker.url(), acmeServer, tmp.resolve("journal-acme"), EVENTS);
        for (String tenant : owners.keySet()) {
          before.put(tenant, awaitApplied(old, tenant, owners.get(tenant)));
          assertThat(before.get(tenant).events().getStreamState().getMsgCount()).isEqualTo(EVENTS);
          assertThat(before.get(tenant).events().getConfiguration().getReplicas()).isEqualTo(from);
        }
        operatorToken = Files.readString(old.connectionInfo().operatorToken());
        long started = System.nanoTime();
        BackupManifest manifest =
            new PlatformBackup(
                    tmp.resolve("old"),
                    oldDb.url(),
                    null,
                    broker.url(),
                    operator.operatorJwt(),
                    "t")
                .run(backup, progress::add);
        System.out.printf(
            "%s: backed up 2 tenant(s) of %,d events in %.1f s%n",
            kind, EVENTS, (System.nanoTime() - started) / 1e9);
        assertThat(manifest.externalBroker()).isTrue();
        assertThat(manifest.format()).isEqualTo(BackupManifest.FORMAT_EXTERNAL);
      }
      assertThat(progress)
          .contains("database (" + kind.toLowerCase() + "): 2 tenant(s)")
          .anyMatch(
              line ->
                  line.startsWith("acme: EVENTS %,d msgs (seq 1-%d)".formatted(EVENTS, EVENTS)));
      assertThat(backup.resolve(VaultRows.FILE)).exists();
      assertThat(backup.resolve("master.key")).doesNotExist();
      assertThat(backup.resolve("data/keys.json")).doesNotExist();

      Path newData = tmp.resolve("new");
      try (Broker target = Broker.start(tmp.resolve("broker-new"), nodes, operator)) {
        long restoring = System.nanoTime();
        new PlatformRestore(
                newData,
                newDb.url(),
                tmp.resolve("old/master.key"),
                null,
                operator.platformConfig(newData, target.url()))
            .run(backup, progress::add);
        System.out.printf(
            "%s: restored onto %d node(s) in %.1f s%n",
            kind, nodes, (System.nanoTime() - restoring) / 1e9);
        assertThat(progress)
            .anyMatch(
                line -> line.startsWith("broker " + target.url() + ": stream replicas " + nodes));
        try (Platform fresh = start(operator, newData, target.url(), newDb)) {
          assertThat(fresh.streamReplicas()).isEqualTo(nodes);
          assertThat(Files.readString(fresh.connectionInfo().operatorToken()))
              .isEqualTo(operatorToken);
          Api api = api(fresh);
          assertThat(api.as(readerToken).get("/api/v1/accounts/acme/servers/eu-1").status())
              .as("a user's API token from before")
              .isEqualTo(200);
          for (String tenant : owners.keySet()) {
            // The platform brings the restored streams to the new broker's replicas.
            await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> settled(fresh, owners.get(tenant), nodes));
            Tenant after = awaitApplied(fresh, tenant, owners.get(tenant)); // creds from before
            assertThat(after).as(tenant).isEqualTo(before.get(tenant));
          }
          // A new event: at the next sequence, counted once.
          publishKills(target.url(), acmeServer, tmp.resolve("journal-acme"), 1);
          Tenant next = awaitApplied(fresh, "acme", owners.get("acme"));
          assertThat(next.events().getStreamState().getLastSequence()).isEqualTo(EVENTS + 1);
          assertThat(next.board().path("items").get(0).path("score").asDouble())
              .as("p0: one kill before, one after")
              .isEqualTo(2.0);
        }
      }
    }
  }

  private static Platform start(OperatorFixture operator, Path data, String url, TestDatabase db) {
    return new Platform(
            PlatformSettings.of(operator.platformConfig(data, url))
                .withApi(ApiConfig.defaults().withDatabaseUrl(db.url())))
        .start();
  }

  private static Api api(Platform platform) throws Exception {
    return new Api(
        platform.connectionInfo().httpUrl(),
        Files.readString(platform.connectionInfo().operatorToken()).strip());
  }

  /** Creates a user of acme, writes its creds to {@code creds} and answers its API token. */
  private static String issue(Api api, String json, Path creds) throws Exception {
    Api.Response created = api.post("/api/v1/accounts/acme/users", json);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    Files.writeString(creds, created.json().path("creds").asText());
    return created.json().path("token").asText();
  }

  /** A nats-server, or a cluster, trusting the operator. */
  private record Broker(NatsServerProcess node, NatsCluster cluster) implements AutoCloseable {
    static Broker start(Path dir, int nodes, OperatorFixture operator) {
      return nodes == 1
          ? new Broker(
              NatsServerProcess.start(dir, FreePorts.next(), operator.serverConfig()), null)
          : new Broker(null, NatsCluster.start(nodes, dir, operator.serverConfig()));
    }

    String url() {
      return node != null ? node.url() : cluster.url();
    }

    @Override
    public void close() {
      if (node != null) {
        node.close();
      } else {
        cluster.close();
      }
    }
  }

  /** The streams' states, every event's (sequence, id), and the leaderboard's entries. */
  private record Tenant(StreamInfo events, StreamInfo commands, List<String> ids, JsonNode board) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Tenant that
          && events.getStreamState().getLastSequence()
              == that.events.getStreamState().getLastSequence()
          && events.getStreamState().getMsgCount() == that.events.getStreamState().getMsgCount()
          && commands.getStreamState().getLastSequence()
              == that.commands.getStreamState().getLastSequence()
          && ids.equals(that.ids)
          && board.path("items").equals(that.board.path("items"));
    }

    @Override
    public int hashCode() {
      return ids.hashCode();
    }

    @Override
    public String toString() {
      return "EVENTS %s, COMMANDS %s, ids %s, board %s"
          .formatted(events.getStreamState(), commands.getStreamState(), ids, board);
    }
  }

  /** {@code count} kills, by players p0, p1, ... (one each). */
  private static void publishKills(String url, Path creds, Path journal, int count) {
    try (GameServerClient client =
        GameServerClient.builder().url(url).credentials(creds).journalDir(journal).build()) {
      for (int i = 0; i < count; i++) {
        client.publish(new PlayerKilled("p" + i, "victim", null, null, null));
      }
      client.flush(Duration.ofSeconds(30 + EVENTS / 1000));
    }
  }

  /** Whether EVENTS has {@code nodes} replicas, every follower current. */
  private static boolean settled(Platform platform, Path creds, int nodes) throws Exception {
    try (Connection owner = connect(platform, creds)) {
      StreamInfo info = owner.jetStreamManagement().getStreamInfo("EVENTS");
      if (info.getConfiguration().getReplicas() != nodes) {
        return false;
      }
      if (nodes == 1) {
        return true;
      }
      ClusterInfo cluster = info.getClusterInfo();
      return cluster != null
          && cluster.getLeader() != null
          && cluster.getReplicas() != null
          && cluster.getReplicas().size() == nodes - 1
          && cluster.getReplicas().stream().allMatch(Replica::isCurrent);
    }
  }

  private static Connection connect(Platform platform, Path creds) throws Exception {
    return Nats.connect(
        Options.builder()
            .server(platform.connectionInfo().brokerUrl())
            .authHandler(Nats.credentials(creds.toString()))
            .build());
  }

  /** Waits until the read models applied the whole EVENTS stream, then reads the tenant. */
  private static Tenant awaitApplied(Platform platform, String tenant, Path creds)
      throws Exception {
    Api api = api(platform);
    try (Connection owner = connect(platform, creds)) {
      JetStreamManagement jsm = owner.jetStreamManagement();
      StreamInfo events = jsm.getStreamInfo("EVENTS");
      long last = events.getStreamState().getLastSequence();
      await()
          .atMost(Duration.ofSeconds(60 + EVENTS / 1000)) // figures: 100,000 events on SQLite
          .until(
              () ->
                  api.get("/api/v1/accounts/" + tenant + "/read-models")
                          .json()
                          .path("position")
                          .asLong()
                      >= last);
      List<String> ids = new ArrayList<>();
      long step = Math.max(1, last / 500); // every event at the default size
      for (long seq = events.getStreamState().getFirstSequence(); seq <= last; seq += step) {
        ids.add(seq + " " + jsm.getMessage("EVENTS", seq).getHeaders().getFirst("Nats-Msg-Id"));
      }
      JsonNode board =
          api.get("/api/v1/accounts/" + tenant + "/leaderboards/kills/entries?limit=3").json();
      return new Tenant(events, jsm.getStreamInfo("COMMANDS"), ids, board);
    }
  }
}
