package dev.gamingapi.server.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gamingapi.contract.command.PlatformConsumers;
import dev.gamingapi.contract.event.CommandSucceeded;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.EventStreamSpec;
import dev.gamingapi.server.broker.PullPolicy;
import dev.gamingapi.server.readmodel.engine.TenantConsumer;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.EventLog;
import dev.gamingapi.server.testing.PlatformFixture;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An idle tenant's consumers park: once caught up for a while, the read models', the notifications'
 * and the command results' consumers hold no pull on the broker (so the broker sends them no
 * heartbeats), and the tenant's next event wakes them: it is applied, handed to the notification
 * rules, and a command result is recorded.
 */
class IdleParkingTest {
  @TempDir Path dataDir;

  private static final List<String> PARKING =
      List.of(TenantConsumer.DURABLE, PlatformConsumers.NOTIFY, PlatformConsumers.COMMAND_RESULTS);

  private static final String SERVERS = "/api/v1/accounts/default/servers";
  private static final Instant T = Instant.parse("2026-12-07T20:00:00Z");

  @Test
  void anIdleTenantHoldsNoPullAndItsNextEventIsAppliedAtOnce() throws Exception {
    try (Platform platform = start();
        EventLog log = new EventLog(platform, "default");
        Connection inside = observer(platform)) {
      Api api = api(platform);
      assertThat(api.post(SERVERS, "{\"id\":\"s1\"}").status()).isEqualTo(201);
      JetStreamManagement jsm = inside.jetStreamManagement();
      long first = log.publish(EventLog.event("s1", T, new ServerStarted("rust", "m", "1", 10)));
      EventLog.awaitPosition(api, "default", first, Duration.ofSeconds(30));
      assertThat(waitingPulls(jsm)).as("a pull waits while the tenant is busy").isPositive();

      awaitParked(jsm);
      await("still no pull a pull expiry later: nothing pulls on a timer")
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> waitingPulls(jsm) == 0);

      long next = log.publish(EventLog.event("s1", T, new PlayerConnected("p1", "Ada", null)));
      EventLog.awaitPosition(api, "default", next, Duration.ofSeconds(10));
      await("the notifications' consumer woke and handled it")
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> handled(jsm, PlatformConsumers.NOTIFY) >= next);

      awaitParked(jsm);
      var sent = api.post(SERVERS + "/s1/commands", "{\"name\":\"save\"}");
      assertThat(sent.status()).isEqualTo(202);
      String command = sent.json().path("id").asText();
      log.publish(
          EventLog.event(
              "s1",
              T,
              new CommandSucceeded(command, "save", JsonNodeFactory.instance.objectNode())));
      await("the parked result tracker woke and recorded the result")
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> api.get(SERVERS + "/s1/commands/" + command).json().path("status").asText(),
              "succeeded"::equals);
    }
  }

  /**
   * The broker restarts while a tenant is parked, and the tenant publishes as soon as the broker is
   * back, before the platform's connection has returned (jnats waits about 2 s before it
   * reconnects): the wake's subscription was not there to see it, so the platform looks again once
   * its subscriptions are back.
   */
  @Test
  void anEventPublishedWhileThePlatformWasAwayWakesAParkedTenant() throws Exception {
    try (Platform platform = start()) {
      Api api = api(platform);
      try (EventLog log = new EventLog(platform, "default");
          Connection inside = observer(platform)) {
        long first = log.publish(EventLog.event("s1", T, new ServerStarted("rust", "m", "1", 10)));
        EventLog.awaitPosition(api, "default", first, Duration.ofSeconds(30));
        awaitParked(inside.jetStreamManagement());
      }
      var broker = platform.embeddedBroker().orElseThrow();
      long killed = broker.pid();
      ProcessHandle.of(killed).orElseThrow().destroyForcibly();
      await("the broker restarted")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> broker.isRunning() && broker.pid() != killed);
      long next;
      try (EventLog log =
          await("a publisher connected")
              .atMost(Duration.ofSeconds(10))
              .pollInterval(Duration.ofMillis(20))
              .ignoreExceptions()
              .until(() -> new EventLog(platform, "default"), java.util.Objects::nonNull)) {
        next = log.publish(EventLog.event("s1", T, new PlayerConnected("p1", "Ada", null)));
      }
      EventLog.awaitPosition(api, "default", next, Duration.ofSeconds(20));
    }
  }

  // Parked after 1 s without an event, pulls of 1 s: parked about 2 s after the last event.
  private Platform start() {
    return new Platform(
            PlatformSettings.of(PlatformConfig.embedded(dataDir, 0))
                .withNotifications(PlatformFixture.NOTIFY)
                .withPulls(new PullPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1))))
        .start();
  }

  private static Connection observer(Platform platform) {
    return BrokerConnections.connect(
        platform.connectionInfo().brokerUrl(),
        platform.tenancy().accounts().internalUser("default", "test", null),
        "test-observer",
        false);
  }

  private static Api api(Platform platform) throws Exception {
    return new Api(
        platform.connectionInfo().httpUrl(),
        Files.readString(platform.connectionInfo().operatorToken()).strip());
  }

  private static void awaitParked(JetStreamManagement jsm) {
    await("the idle tenant's consumers park (no pull waiting on the broker)")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> waitingPulls(jsm) == 0);
  }

  /** The stream sequence up to which {@code consumer} has every message acked. */
  private static long handled(JetStreamManagement jsm, String consumer) throws Exception {
    return jsm.getConsumerInfo(EventStreamSpec.NAME, consumer).getAckFloor().getStreamSequence();
  }

  /** The pulls waiting on the broker for the platform's consumers that park when idle. */
  private static long waitingPulls(JetStreamManagement jsm) throws Exception {
    long waiting = 0;
    for (String consumer : PARKING) {
      waiting += jsm.getConsumerInfo(EventStreamSpec.NAME, consumer).getNumWaiting();
    }
    return waiting;
  }
}
