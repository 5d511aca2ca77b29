package dev.gamingapi.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.sdk.EventReader;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.sdk.ReadRequest;
import dev.gamingapi.sdk.StoredEvent;
import dev.gamingapi.sdk.Subscription;
import dev.gamingapi.server.broker.EventStreamSpec;
import dev.gamingapi.server.broker.StreamProvisioner;
import dev.gamingapi.testkit.NatsCluster;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ClusterInfo;
import io.nats.client.api.Replica;
import io.nats.client.api.StreamInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tenants' {@code EVENTS} stream as the platform provisions it with 3 replicas, on a 3-node
 * loopback cluster, fed through the SDK while broker nodes die: every event is stored exactly once,
 * a live reader keeps reading, and a node that comes back catches up.
 */
class BrokerFailoverTest {
  private static final int EVENTS = 100_000;
  private static final Duration WAIT = Duration.ofMinutes(3);

  @TempDir Path tmp;
  private NatsCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aNodeKilledDuringIngestLosesNothingDuplicatesNothingAndCatchesUpWhenBack() throws Exception {
    cluster = NatsCluster.start(3, tmp.resolve("cluster"), "");
    provisionReplicatedEvents();
    NatsServerProcess victim = cluster.node(indexOfNot(streamLeader()));
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    try (EventReader reader = EventReader.connect(cluster.url(), null);
        Subscription live =
            reader.subscribe(
                ReadRequest.fromStart(EventFilter.ALL),
                event -> seen.merge(event.id(), 1, Integer::sum));
        GameServerClient client = client("journal-1")) {
      Set<String> published = new HashSet<>();
      for (int i = 0; i < EVENTS; i++) {
        published.add(client.publish(chat(i)));
        if (i == EVENTS * 3 / 10) {
          victim.kill();
        } else if (i == EVENTS * 7 / 10) {
          victim.start();
        }
      }
      client.flush(WAIT);
      await(() -> caughtUp(victim.serverName()), victim.serverName() + " to catch up");

      assertThat(storedIds()).as("every event stored exactly once").isEqualTo(published);
      await(() -> seen.size() == EVENTS, "the live reader to see every event");
      assertThat(seen.values()).as("the live reader saw each event once").allMatch(n -> n == 1);
      assertThat(live.lastSequence()).isEqualTo(EVENTS);
    }
  }

  @Test
  void afterTheStreamLeadersNodeIsKilledPublishingResumesAndNothingIsLost() throws Exception {
    cluster = NatsCluster.start(3, tmp.resolve("cluster"), "");
    provisionReplicatedEvents();
    String leader = streamLeader();
    NatsServerProcess leaderNode = cluster.node(indexOf(leader));
    int events = 30_000;
    try (GameServerClient client = client("journal-2")) {
      Set<String> published = new HashSet<>();
      long killedAt = 0;
      for (int i = 0; i < events; i++) {
        published.add(client.publish(chat(i)));
        if (i == events / 3) {
          leaderNode.kill();
          killedAt = System.nanoTime();
        }
      }
      AtomicLong resumed = new AtomicLong();
      long killed = killedAt;
      await(
          () -> {
            try {
              if (!streamLeader().equals(leader)) {
                resumed.compareAndSet(0, System.nanoTime() - killed);
                return true;
              }
            } catch (RuntimeException noLeaderYet) {
              // asked again below
            }
            return false;
          },
          "a new stream leader");
      client.flush(WAIT);

      assertThat(storedIds()).as("every event stored exactly once").isEqualTo(published);
      System.out.printf(
          "stream leader %s killed: new leader %s after %.1f s; %,d events stored once each%n",
          leader, streamLeader(), resumed.get() / 1e9, events);
      leaderNode.start();
      await(() -> caughtUp(leader), leader + " to catch up");
    }
  }

  private GameServerClient client(String journal) {
    return GameServerClient.builder()
        .url(cluster.url())
        .serverId("s1")
        .journalDir(tmp.resolve(journal))
        .maxInFlight(1000)
        .build();
  }

  private static PlayerChatted chat(int i) {
    String player = "player-" + (i % 400);
    return new PlayerChatted(player, "Name " + player, "gg " + i, "global");
  }

  private void provisionReplicatedEvents() throws Exception {
    try (Connection connection = connect()) {
      StreamInfo info =
          StreamProvisioner.provisionEvents(
              connection,
              new EventStreamSpec(
                  Duration.ofMinutes(2), Duration.ofDays(7), 1L << 30, /* replicas */ 3));
      assertThat(info.getConfiguration().getReplicas()).isEqualTo(3);
    }
  }

  /**
   * Every stored event id, read with the SDK's replay once the running nodes agree on a meta leader
   * again (creating the replay's consumer needs one); asked again if an election was still
   * settling.
   */
  private Set<String> storedIds() throws Exception {
    for (int attempt = 1; ; attempt++) {
      cluster.awaitReady();
      try {
        return readIds();
      } catch (dev.gamingapi.sdk.GamingApiException electionNotSettled) {
        if (attempt == 3) {
          throw electionNotSettled;
        }
      }
    }
  }

  private Set<String> readIds() throws Exception {
    Set<String> ids = new HashSet<>();
    long count = 0;
    try (EventReader reader = EventReader.connect(cluster.url(), null)) {
      try (var replay = reader.replay(ReadRequest.fromStart(EventFilter.ALL))) {
        for (StoredEvent event : replay) {
          ids.add(event.id());
          count++;
        }
      }
    }
    assertThat(count).as("stored events, duplicates included").isEqualTo(ids.size());
    return ids;
  }

  private String streamLeader() {
    try (Connection connection = connect()) {
      return connection.jetStreamManagement().getStreamInfo("EVENTS").getClusterInfo().getLeader();
    } catch (Exception e) {
      throw new IllegalStateException("no stream info: " + e, e);
    }
  }

  private boolean caughtUp(String node) {
    try (Connection connection = connect()) {
      ClusterInfo placement =
          connection.jetStreamManagement().getStreamInfo("EVENTS").getClusterInfo();
      if (node.equals(placement.getLeader())) {
        return true;
      }
      for (Replica replica : placement.getReplicas()) {
        if (replica.getName().equals(node)) {
          return replica.isCurrent() && !replica.isOffline() && replica.getLag() == 0;
        }
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private int indexOf(String serverName) {
    for (int i = 0; i < cluster.nodes().size(); i++) {
      if (cluster.node(i).serverName().equals(serverName)) {
        return i;
      }
    }
    throw new IllegalStateException("no node " + serverName);
  }

  private int indexOfNot(String serverName) {
    return (indexOf(serverName) + 1) % cluster.nodes().size();
  }

  private Connection connect() throws Exception {
    return Nats.connect(
        Options.builder()
            .server(cluster.url())
            .errorListener(new ErrorListener() {})
            .connectionTimeout(Duration.ofSeconds(2))
            .build());
  }

  /** Polls {@code condition} (no timing asserted: the limit only stops a hung test). */
  static void await(java.util.function.BooleanSupplier condition, String what) {
    Awaitility.await(what)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(condition::getAsBoolean);
  }
}
