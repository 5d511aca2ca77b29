package dev.gamingapi.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.NotifyEvents;
import dev.gamingapi.testkit.http.RecordingEndpoint;
import io.nats.client.Connection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications with two platform instances on one cluster and database: each event goes out once
 * (only the instance holding the tenant's lease delivers), and when that instance is killed the
 * other takes the tenant over and delivers what comes next.
 */
class NotificationFailoverTest {
  private static final String BASE = "/api/v1/accounts/default";

  @TempDir Path tmp;

  @Test
  void twoInstancesDeliverEachEventOnceAndTheSurvivorCarriesOn() throws Exception {
    try (TwoInstances instances = new TwoInstances(tmp);
        RecordingEndpoint endpoint = RecordingEndpoint.start()) {
      Api a = instances.api("a");
      assertThat(a.post(BASE + "/servers", "{\"id\":\"s1\"}").status()).isEqualTo(201);
      Api.Response rule =
          a.post(
              BASE + "/notifications",
              "{\"kind\":\"webhook\",\"url\":\""
                  + endpoint.url("/hook")
                  + "\",\"event_types\":[\"player.chatted\"]}");
      assertThat(rule.status()).as(rule.raw().body()).isEqualTo(201);
      List<String> published = new ArrayList<>();
      try (Connection owner = InstanceFailoverTest.connect(instances, instances.ownerCreds())) {
        for (int i = 0; i < 20; i++) {
          published.add(chat(owner, i));
        }
        BrokerFailoverTest.await(
            () -> endpoint.accepted().size() >= 20, "the first 20 notifications");
        // Exactly these, and still so while a second instance's duplicate would show up.
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(ids(endpoint)).containsExactlyElementsOf(published));

        String holder = InstanceFailoverTest.awaitHolder(instances, "tenant:default");
        instances.kill(holder);
        for (int i = 20; i < 30; i++) {
          published.add(chat(owner, i));
        }
        BrokerFailoverTest.await(
            () -> ids(endpoint).containsAll(published), "the notifications after the kill");
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(ids(endpoint)).containsExactlyElementsOf(published));
        assertThat(instances.holder("tenant:default", true)).isEqualTo(TwoInstances.other(holder));
      }
    }
  }

  private static String chat(Connection owner, int i) throws Exception {
    return NotifyEvents.publish(
        owner, "s1", new PlayerChatted("p" + i, "Ada", "message " + i, null));
  }

  private static List<String> ids(RecordingEndpoint endpoint) {
    return endpoint.accepted().stream().map(r -> r.header("GamingAPI-Event-Id")).toList();
  }
}
