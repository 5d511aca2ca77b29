package dev.gamingapi.server.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.gamingapi.contract.subject.Ids;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.readmodel.leaderboards.Board;
import dev.gamingapi.server.readmodel.leaderboards.Leaderboards;
import dev.gamingapi.server.readmodel.leaderboards.Standing;
import dev.gamingapi.server.tenancy.TenancyServices;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;

/** Leaderboards (docs/history.md): definitions and queries; part of {@link ReadModelRoutes}. */
final class LeaderboardRoutes {
  private static final String BOARDS = "/api/v1/accounts/{account}/leaderboards";
  private static final String BOARD = BOARDS + "/{board}";

  private final TenancyServices tenancy;
  private final Leaderboards leaderboards;

  // Which period of a board "current" is.
  private final Clock clock;

  LeaderboardRoutes(TenancyServices tenancy, Leaderboards leaderboards, Clock clock) {
    this.tenancy = tenancy;
    this.leaderboards = leaderboards;
    this.clock = clock;
  }

  record Definition(
      String stat,
      String operator,
      String order,
      String server,
      String reset,
      String cron,
      String timeZone) {}

  record Boards(List<BoardView> items) {}

  /** A definition as the API shows it: with whether its backfill from the log is still due. */
  record BoardView(@JsonUnwrapped Board board, boolean backfilling) {}

  record Entries(String board, String period, List<Standing> items, String nextCursor) {}

  record Around(String board, String period, List<Standing> items) {}

  record Count(String board, String period, long count) {}

  record Periods(String board, List<String> periods) {}

  void register(RoutesConfig routes) {
    routes.get(BOARDS, this::list);
    routes.put(BOARD, this::define);
    routes.delete(BOARD, this::delete);
    routes.get(BOARD, ctx -> ctx.json(view(reader(ctx), board(ctx, reader(ctx)))));
    routes.get(BOARD + "/entries", this::entries);
    routes.get(BOARD + "/players/{player}", this::standing);
    routes.get(BOARD + "/players/{player}/around", this::around);
    routes.get(BOARD + "/count", this::count);
    routes.get(BOARD + "/periods", this::periods);
  }

  private void list(Context ctx) {
    String account = reader(ctx);
    ctx.json(
        new Boards(
            leaderboards.list(account).stream().map(board -> view(account, board)).toList()));
  }

  private BoardView view(String account, Board board) {
    return new BoardView(board, leaderboards.backfilling(account, board.name()));
  }

  private String reader(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireReader(account);
    Requests.requireExisting(ctx, tenancy.accounts(), account);
    return account;
  }

  private Board board(Context ctx, String account) {
    return leaderboards.get(account, ctx.pathParam("board"));
  }

  private String period(Context ctx, Board board) {
    String period = ctx.queryParam("period");
    if (period == null) {
      return board.period(clock.instant());
    }
    if (!period.matches("all|\\d{4}-\\d{2}(-\\d{2}(T\\d{2}:\\d{2})?)?|\\d{4}-W\\d{2}")) {
      throw new InvalidRequestException(
          "period",
          "must be all, YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY-MM-DDTHH:MM, got '" + period + "'");
    }
    return period;
  }

  private static String player(Context ctx) {
    String player = ctx.pathParam("player");
    if (!Ids.isValid(player)) {
      throw new InvalidRequestException("player", Ids.ID_RULE);
    }
    return player;
  }

  private void define(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    tenancy.accounts().get(account);
    Definition body = Requests.body(ctx, Definition.class);
    Board board =
        Board.of(
            ctx.pathParam("board"),
            body.stat(),
            body.operator(),
            body.order(),
            body.server(),
            body.reset(),
            body.cron(),
            body.timeZone(),
            clock.instant());
    ctx.json(view(account, leaderboards.define(account, board, Requests.actor(ctx))));
  }

  private void delete(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    tenancy.accounts().get(account);
    leaderboards.delete(account, ctx.pathParam("board"), Requests.actor(ctx));
    ctx.status(204);
  }

  private void entries(Context ctx) {
    String account = reader(ctx);
    Board board = board(ctx, account);
    String period = period(ctx, board);
    Page<Standing> page = leaderboards.top(account, board, period, Requests.page(ctx));
    ctx.json(new Entries(board.name(), period, page.items(), page.nextCursor()));
  }

  private void standing(Context ctx) {
    String account = reader(ctx);
    Board board = board(ctx, account);
    String player = player(ctx);
    ctx.json(
        leaderboards
            .standing(account, board, period(ctx, board), player)
            .orElseThrow(() -> new NotFoundException("ranked player", player)));
  }

  private void around(Context ctx) {
    String account = reader(ctx);
    Board board = board(ctx, account);
    String player = player(ctx);
    String period = period(ctx, board);
    int n = 5;
    String given = ctx.queryParam("n");
    if (given != null) {
      try {
        n = Integer.parseInt(given);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > 100) {
        throw new InvalidRequestException("n", "must be a whole number from 1 to 100");
      }
    }
    List<Standing> items =
        leaderboards
            .around(account, board, period, player, n)
            .orElseThrow(() -> new NotFoundException("ranked player", player));
    ctx.json(new Around(board.name(), period, items));
  }

  private void count(Context ctx) {
    String account = reader(ctx);
    Board board = board(ctx, account);
    String period = period(ctx, board);
    ctx.json(new Count(board.name(), period, leaderboards.count(account, board, period)));
  }

  private void periods(Context ctx) {
    String account = reader(ctx);
    Board board = board(ctx, account);
    ctx.json(new Periods(board.name(), leaderboards.periods(account, board)));
  }
}
