package dev.gamingapi.server.readmodel.leaderboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.contract.event.ScoreOperator;
import dev.gamingapi.server.store.BatchSql;
import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.store.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a board's definition or deletion drops from the scores a tenant's batches keep in memory:
 * that board's, and no other (the other boards' scores do not change, and reading them all again
 * made the first seconds after a definition slow). A row changed behind the store's back shows
 * which: a kept score ignores it, a dropped one is read again.
 */
class ScoreCacheScopeTest {
  private static final String ACCOUNT = "acme";

  @TempDir Path dataDir;

  @Test
  void aDefinitionOrDeletionDropsThatBoardsScoresOnly() {
    try (TestDatabase test = TestDatabase.sqlite();
        Database database = Database.open(test.url(), dataDir)) {
      Jdbi jdbi = database.jdbi();
      jdbi.useHandle(h -> TestDatabase.insertAccount(h, ACCOUNT));
      BoardStore store = new BoardStore();
      store.define(jdbi, ACCOUNT, board("goals", "scored.goals"));
      store.define(jdbi, ACCOUNT, board("laps", "scored.laps"));
      score(jdbi, store, 1, "goals", 1);
      score(jdbi, store, 2, "laps", 1);
      behindTheStoresBack(jdbi, 100);

      // A third board: goals and laps keep their cached scores (1 + 1, not 100 + 1).
      store.define(jdbi, ACCOUNT, board("assists", "scored.assists"));
      score(jdbi, store, 3, "goals", 1);
      assertThat(stored(jdbi, "goals")).isEqualTo(2);

      // laps defined again with other rules: its scores go (and would be backfilled), read anew.
      behindTheStoresBack(jdbi, 100);
      store.define(jdbi, ACCOUNT, board("laps", "scored.laps", "best"));
      assertThat(stored(jdbi, "laps")).isNull();
      jdbi.useHandle(
          h ->
              h.execute(
                  "INSERT INTO rm_board_entries VALUES (?, 'laps', 'all', 'ann', 50, -50, 9)",
                  ACCOUNT));
      // best of the stored 50 and 40; a score still cached from before (1) would make it 40.
      score(jdbi, store, 4, "laps", 40);
      assertThat(stored(jdbi, "laps")).isEqualTo(50);
      // goals kept its cache through it: 2 + 1, not 100 + 1.
      score(jdbi, store, 5, "goals", 1);
      assertThat(stored(jdbi, "goals")).isEqualTo(3);

      // Deleting assists keeps goals's cache too.
      behindTheStoresBack(jdbi, 100);
      jdbi.useTransaction(h -> store.delete(h, ACCOUNT, "assists"));
      score(jdbi, store, 6, "goals", 1);
      assertThat(stored(jdbi, "goals")).isEqualTo(4);

      // Forgetting the tenant (a rebuild, a failed batch) drops every board's: read anew.
      behindTheStoresBack(jdbi, 100);
      store.forget(ACCOUNT);
      score(jdbi, store, 7, "goals", 1);
      assertThat(stored(jdbi, "goals")).isEqualTo(101);
    }
  }

  private static Board board(String name, String stat) {
    return board(name, stat, "incr");
  }

  private static Board board(String name, String stat, String operator) {
    return Board.of(name, stat, operator, "desc", null, null, null, null, Instant.EPOCH);
  }

  // Player ann scores value on board's stat at stream sequence seq, in one batch of its own.
  private static void score(Jdbi jdbi, BoardStore store, long seq, String board, double value) {
    PlayerScored data = new PlayerScored("ann", board, value, ScoreOperator.INCR);
    Event event =
        new Event(
            "e" + seq,
            EventCatalog.typeOf(data),
            "s1",
            "ann",
            Instant.parse("2026-11-24T10:00:00Z"),
            data);
    Runnable committed =
        jdbi.inTransaction(
            h -> {
              BoardBatch batch = store.batch(new BatchSql(h), h, ACCOUNT, List.of(event));
              batch.apply(event, seq);
              batch.flush(h);
              return batch.committed();
            });
    committed.run();
  }

  // Every stored score becomes value, rank index included, without the store knowing.
  private static void behindTheStoresBack(Jdbi jdbi, double value) {
    jdbi.useTransaction(
        h -> {
          h.execute("UPDATE rm_board_entries SET score = ?, rank_score = ?", value, -value);
          for (String board : List.of("goals", "laps", "assists")) {
            new RankBlocks(RankBlocks.DEFAULT_MAX_PLAYERS)
                .rebuild(h, new RankBlocks.Scope(ACCOUNT, board, "all"));
          }
        });
  }

  private static Double stored(Jdbi jdbi, String board) {
    return jdbi.withHandle(
        h ->
            h.select(
                    "SELECT score FROM rm_board_entries WHERE account = ? AND board = ?",
                    ACCOUNT,
                    board)
                .mapTo(Double.class)
                .findOne()
                .orElse(null));
  }
}
