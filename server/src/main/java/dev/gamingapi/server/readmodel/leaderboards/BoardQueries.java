package dev.gamingapi.server.readmodel.leaderboards;

import dev.gamingapi.server.tenancy.InvalidRequestException;
import dev.gamingapi.server.tenancy.Page;
import dev.gamingapi.server.tenancy.PageRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Leaderboard queries. Rank order: score (by the board's order), then who reached the score first
 * (the lower stream sequence), then the player id. Pages are keyset pages: the cursor carries the
 * last row's rank, score, sequence and player, so a rank is right at every page edge and with ties.
 */
public final class BoardQueries {
  private final Jdbi jdbi;

  /** Queries over {@code jdbi}. */
  public BoardQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private record Row(String player, double score, long reached) {}

  // Rows strictly before (better = true) or after the position (s, r, p) in rank order.
  private static String beyond(Board board, boolean better) {
    boolean higherFirst = board.order().equals("desc");
    String cmp = higherFirst == better ? ">" : "<";
    String seq = better ? "<" : ">";
    return "(score "
        + cmp
        + " :s OR (score = :s AND (reached_seq "
        + seq
        + " :r OR (reached_seq = :r AND player "
        + seq
        + " :p))))";
  }

  private static String order(Board board, boolean reverse) {
    String dir = board.order().equals("desc") != reverse ? "DESC" : "ASC";
    String tie = reverse ? "DESC" : "ASC";
    return " ORDER BY score " + dir + ", reached_seq " + tie + ", player " + tie;
  }

  private static final String FROM =
      " FROM rm_board_scores WHERE account = :account AND board = :board AND period = :period";

  /** A page of the board in rank order. */
  public Page<Standing> top(String account, Board board, String period, PageRequest request) {
    long rank = 0;
    String where = "";
    Object[] after = null;
    if (request.after() != null) {
      String[] parts = request.after().split("\\|", 4);
      try {
        rank = Long.parseLong(parts[0]);
        after = new Object[] {Double.parseDouble(parts[1]), Long.parseLong(parts[2]), parts[3]};
      } catch (RuntimeException e) {
        throw new InvalidRequestException("cursor", "is not a cursor of this list");
      }
      where = " AND " + beyond(board, false);
    }
    Object[] position = after;
    String sql =
        "SELECT player, score, reached_seq" + FROM + where + order(board, false) + " LIMIT :limit";
    List<Row> rows =
        jdbi.withHandle(
            handle -> rows(handle, sql, account, board, period, position, request.limit() + 1));
    List<Standing> items = new ArrayList<>();
    for (int i = 0; i < Math.min(rows.size(), request.limit()); i++) {
      items.add(new Standing(rank + i + 1, rows.get(i).player(), rows.get(i).score()));
    }
    if (rows.size() <= request.limit()) {
      return new Page<>(items, null);
    }
    Row last = rows.get(request.limit() - 1);
    return new Page<>(
        items,
        PageRequest.cursorAfter(
            (rank + request.limit())
                + "|"
                + last.score()
                + "|"
                + last.reached()
                + "|"
                + last.player()));
  }

  private static List<Row> rows(
      Handle handle,
      String sql,
      String account,
      Board board,
      String period,
      Object[] at,
      int limit) {
    var query =
        handle
            .createQuery(sql)
            .bind("account", account)
            .bind("board", board.name())
            .bind("period", period)
            .bind("limit", limit);
    if (at != null) {
      query.bind("s", (Double) at[0]).bind("r", (Long) at[1]).bind("p", (String) at[2]);
    }
    return query.map((rs, ctx) -> new Row(rs.getString(1), rs.getDouble(2), rs.getLong(3))).list();
  }

  /** The rank and score of {@code player}, if ranked in {@code period}. */
  public Optional<Standing> standing(String account, Board board, String period, String player) {
    return jdbi.withHandle(handle -> standing(handle, account, board, period, player));
  }

  private static Optional<Standing> standing(
      Handle handle, String account, Board board, String period, String player) {
    Optional<Row> row =
        handle
            .createQuery("SELECT player, score, reached_seq" + FROM + " AND player = :player")
            .bind("account", account)
            .bind("board", board.name())
            .bind("period", period)
            .bind("player", player)
            .map((rs, ctx) -> new Row(rs.getString(1), rs.getDouble(2), rs.getLong(3)))
            .findOne();
    return row.map(
        r ->
            new Standing(
                1
                    + handle
                        .createQuery("SELECT COUNT(*)" + FROM + " AND " + beyond(board, true))
                        .bind("account", account)
                        .bind("board", board.name())
                        .bind("period", period)
                        .bind("s", r.score())
                        .bind("r", r.reached())
                        .bind("p", r.player())
                        .mapTo(Long.class)
                        .one(),
                r.player(),
                r.score()));
  }

  /** Up to {@code n} players before {@code player}, the player, and up to {@code n} after. */
  public Optional<List<Standing>> around(
      String account, Board board, String period, String player, int n) {
    return jdbi.withHandle(
        handle -> {
          Optional<Standing> me = standing(handle, account, board, period, player);
          if (me.isEmpty()) {
            return Optional.empty();
          }
          Standing self = me.get();
          long reached =
              handle
                  .createQuery("SELECT reached_seq" + FROM + " AND player = :player")
                  .bind("account", account)
                  .bind("board", board.name())
                  .bind("period", period)
                  .bind("player", player)
                  .mapTo(Long.class)
                  .one();
          Object[] at = {self.score(), reached, player};
          List<Row> before =
              rows(
                  handle,
                  "SELECT player, score, reached_seq"
                      + FROM
                      + " AND "
                      + beyond(board, true)
                      + order(board, true)
                      + " LIMIT :limit",
                  account,
                  board,
                  period,
                  at,
                  n);
          List<Row> after =
              rows(
                  handle,
                  "SELECT player, score, reached_seq"
                      + FROM
                      + " AND "
                      + beyond(board, false)
                      + order(board, false)
                      + " LIMIT :limit",
                  account,
                  board,
                  period,
                  at,
                  n);
          Collections.reverse(before);
          List<Standing> list = new ArrayList<>();
          for (int i = 0; i < before.size(); i++) {
            Row row = before.get(i);
            list.add(new Standing(self.rank() - before.size() + i, row.player(), row.score()));
          }
          list.add(self);
          for (int i = 0; i < after.size(); i++) {
            list.add(
                new Standing(self.rank() + i + 1, after.get(i).player(), after.get(i).score()));
          }
          return Optional.of(list);
        });
  }

  /** How many players are ranked in {@code period}. */
  public long count(String account, Board board, String period) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT COUNT(*)" + FROM)
                .bind("account", account)
                .bind("board", board.name())
                .bind("period", period)
                .mapTo(Long.class)
                .one());
  }

  /** The periods with scores, newest first. */
  public List<String> periods(String account, Board board) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT DISTINCT period FROM rm_board_scores WHERE account = :account"
                        + " AND board = :board ORDER BY period DESC")
                .bind("account", account)
                .bind("board", board.name())
                .mapTo(String.class)
                .list());
  }
}
