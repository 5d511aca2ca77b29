package dev.gamingapi.server.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.sdk.GamingApiException;
import dev.gamingapi.sdk.NotPermittedException;
import dev.gamingapi.sdk.ReadRequest;
import dev.gamingapi.sdk.ResourceNotFoundException;
import dev.gamingapi.sdk.SharedEventReader;
import dev.gamingapi.sdk.StoredEvent;
import dev.gamingapi.sdk.Subscription;
import dev.gamingapi.server.testing.EventLog;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The SDK's reader of shared events, against a real platform: a replay from any position within the
 * share, a live subscription, and both stopped by the share's deletion.
 */
class SharedEventReaderTest extends PlatformPerClass {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

  @Test
  void replaysAndFollowsTheSharedServersUntilTheShareIsDeleted() throws Exception {
    fixture.account("maker", "standard");
    fixture.account("watcher", "standard");
    fixture.server("maker", "eu-1");
    fixture.server("maker", "us-1");
    long first;
    try (EventLog log = new EventLog(fixture.platform, "maker")) {
      first = log.publish(EventLog.event("eu-1", T, new PlayerConnected("p1", "Ada", null)));
      log.publish(EventLog.event("us-1", T, new PlayerConnected("p2", "Bob", null)));
      log.publish(EventLog.event("eu-1", T, new PlayerKilled("p1", "p2", null, null, null)));
    }
    String share =
        fixture
            .operator
            .post(
                "/api/v1/accounts/maker/shares", "{\"grantee\":\"watcher\",\"servers\":[\"eu-1\"]}")
            .json()
            .path("id")
            .asText();
    PlatformFixture.Issued owner = fixture.user("watcher", "{\"name\":\"o\",\"kind\":\"owner\"}");

    try (SharedEventReader reader =
        SharedEventReader.connect(fixture.httpUrl(), owner.token(), "watcher", "maker")) {
      List<String> replayed = new ArrayList<>();
      for (StoredEvent event : reader.replay(ReadRequest.fromStart(EventFilter.ALL))) {
        replayed.add(event.serverId() + " " + event.event().data().getClass().getSimpleName());
      }
      assertThat(replayed).containsExactly("eu-1 PlayerConnected", "eu-1 PlayerKilled");
      List<StoredEvent> later = new ArrayList<>();
      reader.replay(ReadRequest.fromSequence(EventFilter.ALL, first + 1)).forEach(later::add);
      assertThat(later).extracting(StoredEvent::type).containsExactly("player.killed");

      List<StoredEvent> live = new CopyOnWriteArrayList<>();
      AtomicReference<GamingApiException> end = new AtomicReference<>();
      try (Subscription subscription =
          reader.subscribe(
              ReadRequest.fromSequence(EventFilter.ALL, first + 1), live::add, end::set)) {
        try (EventLog log = new EventLog(fixture.platform, "maker")) {
          log.publish(EventLog.event("us-1", T, new PlayerConnected("p3", "Cyd", null)));
          log.publish(EventLog.event("eu-1", T, new PlayerConnected("p4", "Dee", null)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> live.size() == 2);
        assertThat(live.get(1).playerId()).isEqualTo("p4");
        assertThat(subscription.lastSequence()).isEqualTo(live.get(1).sequence());

        assertThat(fixture.operator.delete("/api/v1/accounts/maker/shares/" + share).status())
            .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> end.get() != null);
        assertThat(end.get()).isInstanceOf(ResourceNotFoundException.class);
      }
      assertThatThrownBy(
              () -> reader.replay(ReadRequest.fromStart(EventFilter.ALL)).iterator().hasNext())
          .isInstanceOf(ResourceNotFoundException.class)
          .hasMessageContaining("maker");
    }
  }

  @Test
  void anAppOfTheGranteeIsRefused() throws Exception {
    fixture.account("lender", "standard");
    fixture.account("borrower", "standard");
    fixture.server("lender", "s1");
    fixture.operator.post(
        "/api/v1/accounts/lender/shares", "{\"grantee\":\"borrower\",\"servers\":[\"s1\"]}");
    PlatformFixture.Issued app = fixture.user("borrower", "{\"name\":\"bot\",\"kind\":\"app\"}");
    try (SharedEventReader reader =
        SharedEventReader.connect(fixture.httpUrl(), app.token(), "borrower", "lender")) {
      assertThatThrownBy(
              () -> reader.replay(ReadRequest.fromStart(EventFilter.ALL)).iterator().hasNext())
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("owner");
    }
  }
}
