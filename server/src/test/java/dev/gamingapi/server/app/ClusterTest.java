package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.server.access.IssuedCredentials;
import dev.gamingapi.server.access.UserSpec;
import dev.gamingapi.server.accounts.plans.Plan;
import dev.gamingapi.server.app.Clients.Client;
import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.jwt.AccountClaims;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.resolver.PushResult;
import dev.gamingapi.server.resolver.ResolverClient;
import dev.gamingapi.server.resolver.ResolverException;
import dev.gamingapi.server.tenancy.TenancyServices;
import dev.gamingapi.server.testing.Scrape;
import dev.gamingapi.testkit.NatsCluster;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ClusterInfo;
import io.nats.client.api.Replica;
import io.nats.client.api.StreamInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform in external-broker mode against a 3-node cluster on loopback. One cluster serves the
 * whole class (starting one costs about a second); the tests that stop nodes or add one run last
 * and leave every node running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
  private static final String EVENT_SUBJECT = "v1.servers.demo.events.server.started";
  private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);

  @TempDir static Path tmp;
  private static OperatorFixture operator;
  private static NatsCluster cluster;
  private static Platform platform;

  @BeforeAll
  static void start() throws Exception {
    operator = OperatorFixture.create(tmp.resolve("operator"));
    cluster = NatsCluster.start(3, tmp.resolve("cluster"), operator.serverConfig());
    platform =
        new Platform(
                PlatformSettings.of(
                    operator.platformConfig(tmp.resolve("data"), cluster.url()).toBuilder()
                        .replicas(3)
                        .build()))
            .start();
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void theDefaultAccountIsStoredByEveryNodeAndItsPushIsConfirmedByAllThree() throws Exception {
    String account = platform.defaultAccountPublicKey();
    for (NatsServerProcess node : cluster.nodes()) {
      assertThat(storedJwt(node, account)).contains(platform.defaultAccountJwt());
    }

    PushResult again = platform.resolver().push(platform.defaultAccountJwt());

    assertThat(again.nodes()).containsExactlyInAnyOrderElementsOf(names(cluster.nodes()));
    assertThat(again.confirmed()).containsExactlyInAnyOrderElementsOf(names(cluster.nodes()));
    assertThat(again.complete()).isTrue();
  }

  @Test
  @Order(2)
  void theEventsStreamHasAReplicaOnEachOfTheThreeNodes() throws Exception {
    try (Client owner = Clients.connect(cluster.url(), platform.connectionInfo().ownerCreds())) {
      StreamInfo events = owner.connection().jetStreamManagement().getStreamInfo("EVENTS");

      assertThat(events.getConfiguration().getReplicas()).isEqualTo(3);
      ClusterInfo placement = events.getClusterInfo();
      List<String> holders = new ArrayList<>(List.of(placement.getLeader()));
      placement.getReplicas().stream().map(Replica::getName).forEach(holders::add);
      assertThat(holders).containsExactlyInAnyOrderElementsOf(names(cluster.nodes()));
    }
  }

  @Test
  @Order(2)
  void aTenantMadeThroughTheControlPlaneWorksOnEveryNodeAndItsRevocationsReachThemAll()
      throws Exception {
    TenancyServices tenancy = platform.tenancy();
    tenancy.accounts().create("acme", "standard", "", Actor.PLATFORM);
    tenancy.servers().register("acme", "eu-1", "EU 1", Actor.PLATFORM);
    IssuedCredentials owner =
        tenancy
            .users()
            .create("acme", new UserSpec("boss", "owner", null, null, null, null), Actor.PLATFORM);
    Path creds = Files.writeString(tmp.resolve("acme-boss.creds"), owner.creds());
    try (Client onThird = Clients.connect(cluster.node(2).url(), creds);
        Client onFirst = Clients.connect(cluster.node(0).url(), creds)) {
      StreamInfo events = onThird.connection().jetStreamManagement().getStreamInfo("EVENTS");
      assertThat(events.getConfiguration().getReplicas()).isEqualTo(3);
      assertThat(
              onThird
                  .connection()
                  .jetStream()
                  .publish("v1.servers.eu-1.events.server.started", "{}".getBytes())
                  .getSeqno())
          .isEqualTo(1);

      tenancy.users().revoke("acme", "boss", Actor.PLATFORM);
      // Within a second, on every node.
      Awaitility.await()
          .atMost(Duration.ofSeconds(1))
          .pollInterval(Duration.ofMillis(10))
          .untilAsserted(
              () -> {
                assertThat(onFirst.connection().getStatus())
                    .isNotEqualTo(Connection.Status.CONNECTED);
                assertThat(onThird.connection().getStatus())
                    .isNotEqualTo(Connection.Status.CONNECTED);
              });
    }
  }

  @Test
  @Order(3)
  void ownerAndGameServerCredsWorkOnEveryNode() throws Exception {
    ConnectionInfo info = platform.connectionInfo();
    for (int i = 0; i < 3; i++) {
      // Published through node i, read through another node: node 1 -> 3, 2 -> 1, 3 -> 2.
      String publishUrl = cluster.node(i).url();
      String readUrl = cluster.node((i + 2) % 3).url();
      assertThat(publishAndReadBack(info, publishUrl, readUrl)).as("node %d", i + 1).isTrue();
    }
  }

  @Test
  @Order(4)
  void fiftyPushesAreEachConfirmedByEveryNode() throws Exception {
    List<Long> confirmations = new ArrayList<>();
    List<Long> wholePushes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String jwt = newAccountJwt("bench-" + i, now());
      long start = System.nanoTime();
      PushResult result = platform.resolver().push(jwt);
      wholePushes.add(System.nanoTime() - start);
      confirmations.add(result.confirmationTime().toNanos());
      assertThat(result.confirmed()).containsExactlyInAnyOrderElementsOf(names(cluster.nodes()));
    }
    // Printed, never asserted: tests check behaviour, not speed.
    System.out.printf(
        "push of a new account to 3 nodes, 50 pushes: all confirmed after p50 %.1f ms, p99 %.1f"
            + " ms; whole push (node list, stale check, update, read-back) p50 %.1f ms, p99 %.1f"
            + " ms%n",
        percentile(confirmations, 50),
        percentile(confirmations, 99),
        percentile(wholePushes, 50),
        percentile(wholePushes, 99));
  }

  @Test
  @Order(5)
  void aPushWhileOneNodeIsDownNamesItAndTheNodeTakesTheJwtWhenBack() throws Exception {
    NatsServerProcess leader = metaLeader();
    NatsServerProcess down = followers().get(0);
    try (Connection system = systemConnection(leader)) {
      ResolverClient resolver = resolver(system);
      NKey account = NKey.createAccount(new SecureRandom());
      String key = KeyVault.publicKeyOf(account);
      long issuedAt = now();
      String before = accountJwt(account, "before", issuedAt);
      assertThat(resolver.push(before).complete()).isTrue();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> brokerNodes("answering") == 3.0 && brokerNodes("expected") == 3.0);
      down.kill();
      cluster.awaitReady();

      String updated = accountJwt(account, "updated while a node is down", issuedAt + 1);
      PushResult result = resolver.push(updated);

      assertThat(result.missing()).containsExactly(down.serverName());
      assertThat(result.confirmed()).hasSize(2).doesNotContain(down.serverName());
      // What the GamingApiBrokerNodeMissing alert reads (/metrics on the REST port, operator
      // token).
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> brokerNodes("answering") == 2.0 && brokerNodes("expected") == 3.0);
      down.start();
      cluster.awaitReady();
      // nats-server 2.9.10 does not fetch what it missed when it starts; only a push reaches it.
      assertThat(storedJwt(down, key)).contains(before);
      assertThat(resolver.repushUnconfirmed()).isEmpty();
      assertThat(storedJwt(down, key)).contains(updated);
    }
  }

  /** {@code gamingapi_broker_nodes_<which>} as the platform's {@code /metrics} serves it now. */
  private static double brokerNodes(String which) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return Scrape.of(
              http,
              URI.create(platform.connectionInfo().httpUrl() + "/metrics"),
              Files.readString(platform.connectionInfo().operatorToken()).strip())
          .value("gamingapi_broker_nodes_" + which, Map.of());
    }
  }

  @Test
  @Order(6)
  void aPushThatOnlyAMinorityConfirmsFailsNamingTheSilentNodes() throws Exception {
    NatsServerProcess leader = metaLeader();
    List<NatsServerProcess> down = followers();
    try (Connection system = systemConnection(leader)) {
      ResolverClient resolver = resolver(system);
      down.forEach(NatsServerProcess::kill);
      // The leader keeps its role for seconds after losing its quorum, so it still lists them.
      String jwt = newAccountJwt("pushed with two nodes down", now());

      assertThatThrownBy(() -> resolver.push(jwt))
          .isInstanceOf(ResolverException.class)
          .hasMessageContaining("confirmed by 1 of the 3 broker nodes")
          .hasMessageContaining(down.get(0).serverName())
          .hasMessageContaining(down.get(1).serverName());
    } finally {
      down.forEach(NatsServerProcess::start);
      cluster.awaitReady();
    }
  }

  @Test
  @Order(7)
  void aFourthNodeStartedWithAnEmptyResolverServesTheExistingTenant() throws Exception {
    NatsServerProcess fourth = cluster.addNode();

    assertThat(publishAndReadBack(platform.connectionInfo(), fourth.url(), fourth.url())).isTrue();
    // It fetched the account from its peers when the first user of it connected.
    assertThat(storedJwt(fourth, platform.defaultAccountPublicKey()))
        .contains(platform.defaultAccountJwt());
    // The JetStream meta group grew by itself, so pushes now wait for the fourth node too.
    PushResult result = platform.resolver().push(platform.defaultAccountJwt());
    assertThat(result.nodes()).hasSize(4).contains(fourth.serverName());
    assertThat(result.complete()).isTrue();
  }

  /** Publishes an event as the demo game server through one URL and reads it as the owner. */
  private static boolean publishAndReadBack(ConnectionInfo info, String publishUrl, String readUrl)
      throws Exception {
    byte[] body = ("{\"marker\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
    try (Client demo =
            Clients.connect(publishUrl, info.gameServerCreds().get("demo"), "_INBOX_demo");
        Client owner = Clients.connect(readUrl, info.ownerCreds())) {
      demo.connection().jetStream().publish(EVENT_SUBJECT, body);
      byte[] read =
          owner
              .connection()
              .jetStreamManagement()
              .getLastMessage("EVENTS", EVENT_SUBJECT)
              .getData();
      return Arrays.equals(read, body);
    }
  }

  private static NatsServerProcess metaLeader() {
    String name = cluster.metaLeader();
    return cluster.nodes().stream()
        .filter(node -> node.serverName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static List<NatsServerProcess> followers() {
    String leader = cluster.metaLeader();
    return cluster.nodes().stream().filter(node -> !node.serverName().equals(leader)).toList();
  }

  /** A system-account connection to one node only, so stopping the others does not move it. */
  private static Connection systemConnection(NatsServerProcess node) throws Exception {
    return Nats.connect(
        Options.builder()
            .server(node.url())
            .authHandler(Nats.credentials(operator.systemCreds().toString()))
            .build());
  }

  private static ResolverClient resolver(Connection system) throws Exception {
    return new ResolverClient(system, Set.of(KeyVault.publicKeyOf(signingKey())), SHORT_TIMEOUT);
  }

  private static String newAccountJwt(String name, long issuedAt) throws Exception {
    return accountJwt(NKey.createAccount(new SecureRandom()), name, issuedAt);
  }

  private static String accountJwt(NKey account, String name, long issuedAt) throws Exception {
    String key = KeyVault.publicKeyOf(account);
    return AccountClaims.tenant(signingKey(), key, name, key, Plan.defaultPlan(), 3, issuedAt);
  }

  private static NKey signingKey() throws Exception {
    return NKey.fromSeed(Files.readString(operator.signingSeed()).strip().toCharArray());
  }

  /** The JWT a node's full resolver holds on disk for {@code account}. */
  private static Optional<String> storedJwt(NatsServerProcess node, String account)
      throws Exception {
    Path file = node.dir().resolve("jwt").resolve(account + ".jwt");
    return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
  }

  private static List<String> names(List<NatsServerProcess> nodes) {
    return nodes.stream().map(NatsServerProcess::serverName).toList();
  }

  private static double percentile(List<Long> nanos, int percent) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
