package dev.gamingapi.server.readmodel.leaderboards;

import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.audit.AuditLog;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.common.RecentValues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A tenant's leaderboards (docs/history.md): definitions, with their audit, and the standings. A
 * new board, or new rules for an old one, is backfilled from the log by the tenant's consumer
 * before it applies new events (the other models stay as they are): that is how a board defined
 * today counts past events.
 */
public final class Leaderboards {
  // Most backfills take well under a second; a long one goes on after the answer.
  private static final Duration BACKFILL_WAIT = Duration.ofSeconds(30);

  private final Jdbi jdbi;
  private final BoardStore store;
  private final BoardQueries queries;
  private final AuditLog audit;
  private final ConsumerControl consumers;
  // Every query of a board reads its definition first: a change through this instance is seen at
  // once, through another within a second (as tokens and plans, docs/api.md).
  private final RecentValues<BoardKey, Optional<Board>> recentBoards =
      new RecentValues<>(Duration.ofSeconds(1), 10_000);

  private record BoardKey(String account, String name) {}

  /**
   * Leaderboards read through {@code jdbi}, whose definitions {@code store} keeps (the one the
   * tenants' consumers score with) and whose changes {@code consumers} pauses.
   */
  public Leaderboards(Jdbi jdbi, BoardStore store, AuditLog audit, ConsumerControl consumers) {
    this.jdbi = jdbi;
    this.store = store;
    this.queries = new BoardQueries(jdbi);
    this.audit = audit;
    this.consumers = consumers;
  }

  /**
   * Defines (or redefines) a leaderboard; new rules are audited, and their backfill waited for a
   * while.
   *
   * @return the definition as stored: the old one, creation time included, when the rules are the
   *     same
   */
  public Board define(String account, Board board, Actor actor) {
    // First thing when it starts again, the consumer backfills the board from the log.
    boolean changed =
        consumers.whilePaused(
            account,
            handle -> {
              boolean saved = store.define(handle, account, board);
              if (saved) {
                consumers.restartOwner(handle, account);
              }
              return saved;
            });
    recentBoards.forgetAll();
    if (changed) {
      consumers.awaitPrepared(account, BACKFILL_WAIT);
      audit.record(actor, "leaderboard.defined", account, board.name(), Map.of());
    }
    return get(account, board.name());
  }

  /**
   * Deletes leaderboard {@code name} with the scores of all its periods; no rebuild is needed.
   *
   * @throws NotFoundException when there is no such board
   */
  public void delete(String account, String name, Actor actor) {
    // Paused: a batch in flight must not score the board after it is gone.
    boolean existed =
        consumers.whilePaused(
            account,
            handle -> {
              boolean deleted = store.delete(handle, account, name);
              consumers.restartOwner(handle, account);
              return deleted;
            });
    recentBoards.forgetAll();
    if (!existed) {
      throw new NotFoundException("leaderboard", name);
    }
    audit.record(actor, "leaderboard.deleted", account, name, Map.of());
  }

  /** Every leaderboard of {@code account}, by name. */
  public List<Board> list(String account) {
    return jdbi.withHandle(handle -> store.all(handle, account));
  }

  /**
   * The definition of leaderboard {@code name}.
   *
   * @throws NotFoundException when there is no such board
   */
  public Board get(String account, String name) {
    return recentBoards
        .get(
            new BoardKey(account, name),
            key -> jdbi.withHandle(handle -> store.find(handle, key.account(), key.name())))
        .orElseThrow(() -> new NotFoundException("leaderboard", name));
  }

  /** Whether board {@code name} of {@code account} still waits for (or is in) its backfill. */
  public boolean backfilling(String account, String name) {
    return jdbi.withHandle(
        handle ->
            store.pendingBackfill(handle, account).stream()
                .anyMatch(board -> board.name().equals(name)));
  }

  /** A page of the board in rank order. */
  public Page<Standing> top(String account, Board board, String period, PageRequest request) {
    return queries.top(account, board, period, request);
  }

  /** The rank and score of {@code player}, if ranked in {@code period}. */
  public Optional<Standing> standing(String account, Board board, String period, String player) {
    return queries.standing(account, board, period, player);
  }

  /** Up to {@code n} players before {@code player}, the player, and up to {@code n} after. */
  public Optional<List<Standing>> around(
      String account, Board board, String period, String player, int n) {
    return queries.around(account, board, period, player, n);
  }

  /** How many players are ranked in {@code period}. */
  public long count(String account, Board board, String period) {
    return queries.count(account, board, period);
  }

  /** The periods with scores, newest first. */
  public List<String> periods(String account, Board board) {
    return queries.periods(account, board);
  }
}
