package dev.gamingapi.server.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.store.TestDatabase;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.EventLog;
import dev.gamingapi.server.testing.HistoryComparison;
import dev.gamingapi.server.testing.HistoryFold;
import dev.gamingapi.server.testing.HistoryWorkload;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformChild;
import dev.gamingapi.server.testing.PlatformFixture;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The platform killed with SIGKILL in the middle of applying 200,000 events: after a restart, every
 * server status, player profile, leaderboard (every period, every rank) and time-series bucket
 * equals a plain in-test fold over the log's messages.
 */
@OnEachDatabase
class HistoryCrashTest {
  static final int EVENTS = Integer.getInteger("gamingapi.crash.events", 200_000);
  private static final String BASE = "/api/v1/accounts/default";

  private static final List<HistoryFold.Board> BOARDS =
      List.of(
          new HistoryFold.Board(
              "kills", "kills", "incr", false, "none", java.time.ZoneId.of("UTC")),
          new HistoryFold.Board(
              "lap",
              "scored.best_lap",
              "best",
              true,
              "daily",
              java.time.ZoneId.of("America/New_York")),
          new HistoryFold.Board(
              "play", "play_time", "incr", false, "weekly", java.time.ZoneId.of("Asia/Kolkata")));

  @TempDir Path dataDir;

  @Parameter String databaseKind;

  TestDatabase database() {
    return TestDatabase.of(databaseKind);
  }

  @Test
  void aPlatformKilledWhileApplyingCountsEveryEventExactlyOnceAfterItsRestart() throws Exception {
    try (TestDatabase database = database()) {
      String url = database.url();
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  PlatformChild.class.getName(),
                  dataDir.toString(),
                  url == null ? "-" : url)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      long killedAt;
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        while (ready != null && !ready.startsWith("READY ")) {
          ready = out.readLine(); // the child's log lines
        }
        assertThat(ready).as("the child platform did not start").startsWith("READY ");
        String[] urls = ready.split(" ");
        Api api = new Api(urls[1], token());
        HistoryWorkload.setUp(api, BOARDS);
        Thread publisher =
            Thread.ofPlatform()
                .start(
                    () -> {
                      try (Connection owner = connect(urls[2])) {
                        HistoryWorkload.publish(owner.jetStream(), EVENTS, 42);
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    });
        killedAt = EventLog.awaitPosition(api, "default", EVENTS / 4, Duration.ofMinutes(10));
        child.destroyForcibly().waitFor(); // SIGKILL: no close, no shutdown hook
        publisher.join(); // the orphaned broker keeps taking the rest
        restarting = true;
      } finally {
        child.destroyForcibly().waitFor();
        stopOrphanBrokerUnlessRestarting();
      }

      long last;
      try (PlatformFixture fixture = PlatformFixture.start(dataDir, database)) {
        HistoryFold fold = new HistoryFold(Duration.ofSeconds(90).toMillis());
        fold.boards.addAll(BOARDS);
        last = readLog(fold, fixture.brokerUrl());
        EventLog.awaitPosition(fixture.operator, "default", last, Duration.ofMinutes(10));
        HistoryComparison.profilesAndStatuses(fixture.operator, fold);
        HistoryComparison.leaderboards(fixture.operator, fold, BOARDS);
        try (Database read = Database.open(database.url(), dataDir)) {
          HistoryComparison.timeSeries(read, fold);
        }
        JsonNode state = fixture.operator.get(BASE + "/read-models").json();
        assertThat(state.path("dead_letters").asLong()).isEqualTo(fold.deadLetters);
      }
      System.out.printf(
          "crash test (%s): killed at position %d of %d; profiles, statuses, leaderboards and time series match the fold%n",
          database, killedAt, last);
      assertThat(killedAt).as("killed before the last event was applied").isLessThan(last);
    }
  }

  // The killed platform's nats-server lives on (a restart stops it); when the test fails before
  // its restart, stop it here rather than leave it running.
  private boolean restarting;

  private void stopOrphanBrokerUnlessRestarting() throws Exception {
    Path pidFile = dataDir.resolve("nats/nats-server.pid");
    if (restarting || !Files.exists(pidFile)) {
      return;
    }
    ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
        .ifPresent(ProcessHandle::destroyForcibly);
  }

  private String token() throws Exception {
    return Files.readString(dataDir.resolve("operator.token")).strip();
  }

  private Connection connect(String broker) throws Exception {
    return Nats.connect(
        Options.builder()
            .server(broker)
            .authHandler(Nats.credentials(dataDir.resolve("creds/owner.creds").toString()))
            .build());
  }

  /** Folds every message of the log; answers the last stream sequence. */
  private long readLog(HistoryFold fold, String broker) throws Exception {
    try (Connection owner = connect(broker)) {
      return fold.foldLog(owner);
    }
  }
}
