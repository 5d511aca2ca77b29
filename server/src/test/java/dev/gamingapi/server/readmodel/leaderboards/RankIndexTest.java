package dev.gamingapi.server.readmodel.leaderboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.contract.event.ScoreOperator;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.store.BatchSql;
import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.store.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rank index (rank blocks) against a plain sort: blocks of 4 players, so that thousands of
 * score changes split, empty and move blocks all the time, on both databases. After every round
 * every player's rank, the count, each page and "around" equal what sorting all scores gives.
 */
class RankIndexTest {
  private static final String ACCOUNT = "acme";

  @TempDir Path dataDir;

  /** A score as the test keeps it: who, how much, since which event. */
  private record Expected(String player, double score, long reached) {}

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SQLite", "PostgreSQL"})
  void ranksFromBlocksEqualASortAfterEveryRound(String kind) {
    try (TestDatabase test = TestDatabase.of(kind);
        Database database = Database.open(test.url(), dataDir)) {
      Jdbi jdbi = database.jdbi();
      jdbi.useHandle(h -> TestDatabase.insertAccount(h, ACCOUNT));
      BoardStore store = new BoardStore(4);
      Board desc =
          Board.of(
              "points", "scored.points", "incr", "desc", null, null, null, null, Instant.EPOCH);
      Board asc =
          Board.of("lap", "scored.lap", "best", "asc", null, null, null, null, Instant.EPOCH);
      store.define(jdbi, ACCOUNT, desc);
      store.define(jdbi, ACCOUNT, asc);
      BoardQueries queries = new BoardQueries(jdbi);
      Map<String, Expected> points = new HashMap<>();
      Map<String, Expected> laps = new HashMap<>();
      Random random = new Random(42);
      long seq = 0;
      for (int round = 0; round < 8; round++) {
        for (int i = 0; i < 150; i++) {
          seq++;
          String player = "p" + random.nextInt(60);
          // Few distinct values: many ties, decided by who reached the score first.
          double value = random.nextInt(5) - 1;
          apply(jdbi, store, seq, player, "points", value);
          Expected old = points.get(player);
          double score = old == null ? value : old.score() + value;
          if (old == null || score != old.score()) {
            points.put(player, new Expected(player, score, seq));
          }
          seq++;
          double lap = 30 + random.nextInt(8);
          apply(jdbi, store, seq, player, "lap", lap);
          Expected best = laps.get(player);
          if (best == null || lap < best.score()) {
            laps.put(player, new Expected(player, lap, seq));
          }
        }
        flush(jdbi, store);
        if (round == 5) {
          // Forgetting a player takes them out of every board and block.
          jdbi.useTransaction(h -> store.erase(h, ACCOUNT, "p7"));
          points.remove("p7");
          laps.remove("p7");
        }
        check(queries, desc, sorted(points, true));
        check(queries, asc, sorted(laps, false));
      }
      flush(jdbi, store);
      // The index built again in bulk (as after a bulk load) answers the same, and keeps working.
      store.reindex(jdbi, ACCOUNT, "points");
      check(queries, desc, sorted(points, true));
      for (int i = 0; i < 100; i++) {
        seq++;
        String player = "p" + random.nextInt(80);
        apply(jdbi, store, seq, player, "points", 1);
        Expected old = points.get(player);
        points.put(player, new Expected(player, old == null ? 1 : old.score() + 1, seq));
      }
      flush(jdbi, store);
      check(queries, desc, sorted(points, true));
    }
  }

  // Events wait here and are applied in batches of random size, as the read models apply them.
  private final List<Event> pending = new ArrayList<>();
  private final List<Long> pendingSeqs = new ArrayList<>();

  private void apply(
      Jdbi jdbi, BoardStore store, long seq, String player, String stat, double value) {
    PlayerScored data = new PlayerScored(player, stat, value, ScoreOperator.INCR);
    pending.add(
        new Event(
            "e" + seq,
            EventCatalog.typeOf(data),
            "s1",
            player,
            Instant.parse("2026-11-24T10:00:00Z"),
            data));
    pendingSeqs.add(seq);
    if (pending.size() >= 1 + (seq * 7919 % 40)) {
      flush(jdbi, store);
    }
  }

  private void flush(Jdbi jdbi, BoardStore store) {
    // As the applier does: the scores go to the store's cache once the transaction committed, so
    // the next batches read them from there (and must rank as if read from the database).
    Runnable committed =
        jdbi.inTransaction(
            h -> {
              BoardBatch batch = store.batch(new BatchSql(h), h, ACCOUNT, pending);
              for (int i = 0; i < pending.size(); i++) {
                batch.apply(pending.get(i), pendingSeqs.get(i));
              }
              batch.flush(h);
              return batch.committed();
            });
    committed.run();
    pending.clear();
    pendingSeqs.clear();
  }

  private static List<Expected> sorted(Map<String, Expected> scores, boolean highestFirst) {
    Comparator<Expected> byScore = Comparator.comparingDouble(Expected::score);
    return scores.values().stream()
        .sorted(
            (highestFirst ? byScore.reversed() : byScore)
                .thenComparingLong(Expected::reached)
                .thenComparing(Expected::player))
        .toList();
  }

  private void check(BoardQueries queries, Board board, List<Expected> expected) {
    assertThat(queries.count(ACCOUNT, board, "all")).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Expected e = expected.get(i);
      Optional<Standing> standing = queries.standing(ACCOUNT, board, "all", e.player());
      assertThat(standing)
          .as(board.name() + " " + e)
          .contains(new Standing(i + 1, e.player(), e.score()));
    }
    List<Standing> paged = new ArrayList<>();
    String cursor = null;
    do {
      Page<Standing> page = queries.top(ACCOUNT, board, "all", PageRequest.of("7", cursor));
      paged.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    assertThat(paged)
        .extracting(Standing::player)
        .containsExactlyElementsOf(expected.stream().map(Expected::player).toList());
    String middle = expected.get(expected.size() / 2).player();
    List<Standing> around = queries.around(ACCOUNT, board, "all", middle, 3).orElseThrow();
    assertThat(around).hasSize(7);
    for (Standing s : around) {
      assertThat(expected.get((int) s.rank() - 1).player()).isEqualTo(s.player());
    }
  }
}
