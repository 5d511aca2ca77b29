package dev.gamingapi.server.readmodel.leaderboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.store.TestDatabase;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.EventLog;
import dev.gamingapi.server.testing.HistoryComparison;
import dev.gamingapi.server.testing.HistoryFold;
import dev.gamingapi.server.testing.HistoryWorkload;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Boards defined after their events are backfilled from the log alone: their scores equal an
 * in-test fold of the whole log (play time from sessions, repeated events once, dead letters not at
 * all), the other models are not rebuilt (same position, same applied count, same profiles), and
 * events that come afterwards count on them as on the others.
 */
@OnEachDatabase
class BoardBackfillTest {
  private static final String BASE = "/api/v1/accounts/default";
  private static final List<HistoryFold.Board> BOARDS =
      List.of(
          new HistoryFold.Board("kills", "kills", "incr", false, "none", ZoneId.of("UTC")),
          new HistoryFold.Board(
              "lap", "scored.best_lap", "best", true, "daily", ZoneId.of("America/New_York")),
          new HistoryFold.Board(
              "play", "play_time", "incr", false, "weekly", ZoneId.of("Asia/Kolkata")));

  @TempDir Path dataDir;

  @Parameter String databaseKind;

  TestDatabase database() {
    return TestDatabase.of(databaseKind);
  }

  @Test
  void aBoardDefinedAfterItsEventsEqualsTheFoldAndLeavesTheOtherModelsAsTheyWere()
      throws Exception {
    try (TestDatabase database = database();
        PlatformFixture fixture = PlatformFixture.start(dataDir, database);
        Connection owner = connect(fixture)) {
      HistoryWorkload.setUp(fixture.operator, List.of()); // the boards come after the events
      HistoryWorkload.publish(owner.jetStream(), 20_000, 7);
      HistoryFold fold = new HistoryFold(Duration.ofSeconds(90).toMillis());
      fold.boards.addAll(BOARDS);
      long last = fold.foldLog(owner);
      EventLog.awaitPosition(fixture.operator, "default", last, Duration.ofMinutes(2));
      JsonNode before = fixture.operator.get(BASE + "/read-models").json();

      for (HistoryFold.Board board : BOARDS) {
        Api.Response defined = board.define(fixture.operator);
        assertThat(defined.status()).isEqualTo(200);
        assertThat(defined.json().path("backfilling").asBoolean()).isFalse();
      }

      HistoryComparison.leaderboards(fixture.operator, fold, BOARDS);
      JsonNode after = fixture.operator.get(BASE + "/read-models").json();
      assertThat(after.path("position").asLong()).isEqualTo(before.path("position").asLong());
      assertThat(after.path("applied").asLong())
          .as("not rebuilt: every event applied once")
          .isEqualTo(before.path("applied").asLong());
      HistoryComparison.profilesAndStatuses(fixture.operator, fold);

      // Live events go on counting on the backfilled boards.
      HistoryWorkload.publish(owner.jetStream(), 5_000, 8);
      HistoryFold again = new HistoryFold(Duration.ofSeconds(90).toMillis());
      again.boards.addAll(BOARDS);
      long end = again.foldLog(owner);
      EventLog.awaitPosition(fixture.operator, "default", end, Duration.ofMinutes(2));
      HistoryComparison.leaderboards(fixture.operator, again, BOARDS);
      HistoryComparison.profilesAndStatuses(fixture.operator, again);
    }
  }

  private Connection connect(PlatformFixture fixture) throws Exception {
    return Nats.connect(
        Options.builder()
            .server(fixture.brokerUrl())
            .authHandler(Nats.credentials(dataDir.resolve("creds/owner.creds").toString()))
            .build());
  }
}
