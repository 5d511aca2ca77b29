package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gamingapi history leaderboard}: define and query leaderboards. */
@Command(
    name = "leaderboard",
    mixinStandardHelpOptions = true,
    description = "Define and query leaderboards.",
    subcommands = {
      LeaderboardCommand.ListBoards.class,
      LeaderboardCommand.Define.class,
      LeaderboardCommand.Show.class,
      LeaderboardCommand.Delete.class,
      LeaderboardCommand.Periods.class,
      LeaderboardCommand.Top.class,
      LeaderboardCommand.Rank.class,
      LeaderboardCommand.Count.class
    })
public final class LeaderboardCommand {
  private LeaderboardCommand() {}

  /** What every leaderboard command names. */
  abstract static class BoardCommand extends ShowCommand {
    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String account;

    @Parameters(index = "1", paramLabel = "BOARD")
    String board;

    @Option(
        names = "--period",
        description = "all, YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY-MM-DDTHH:MM (cron boards).")
    String period;

    String path(String... more) {
      String[] segments = new String[4 + more.length];
      segments[0] = "accounts";
      segments[1] = account;
      segments[2] = "leaderboards";
      segments[3] = board;
      System.arraycopy(more, 0, segments, 4, more.length);
      return RestClient.path(segments);
    }

    String periodQuery(char separator) {
      return period == null ? "" : separator + "period=" + RestClient.query(period);
    }
  }

  /** {@code leaderboard define ACCOUNT BOARD --stat ...}. */
  @Command(name = "define", mixinStandardHelpOptions = true, description = "Define a leaderboard.")
  static final class Define extends BoardCommand {
    @Option(
        names = "--stat",
        required = true,
        description = "kills, deaths, play_time, scored.<stat>")
    String stat;

    @Option(names = "--operator", description = "best, set, incr (default), decr")
    String operator;

    @Option(names = "--order", description = "desc (default) or asc")
    String order;

    @Option(names = "--server", description = "One server only.")
    String server;

    @Option(names = "--reset", description = "none (default), daily, weekly, monthly, cron")
    String reset;

    @Option(
        names = "--cron",
        description = "With --reset cron (implied): five fields, e.g. '0 18 * * fri'.")
    String cron;

    @Option(names = "--time-zone", description = "IANA zone of the resets (default UTC).")
    String timeZone;

    /** The body of {@code PUT .../leaderboards/BOARD}; options not given are left out. */
    record Definition(
        String stat,
        String operator,
        String order,
        String server,
        String reset,
        String cron,
        String timeZone) {}

    @Override
    JsonNode request(RestClient client) {
      return client.put(
          path(), new Definition(stat, operator, order, server, reset, cron, timeZone));
    }

    private static void putIf(ObjectNode body, String name, String value) {
      if (value != null) {
        body.put(name, value);
      }
    }
  }

  /** {@code leaderboard list ACCOUNT}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "The tenant's boards.")
  static final class ListBoards extends ShowCommand {
    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String account;

    @Override
    JsonNode request(RestClient client) {
      return client.get(RestClient.path("accounts", account, "leaderboards"));
    }

    @Override
    protected void run(RestClient client) {
      table(
          request(client),
          "name",
          "stat",
          "operator",
          "order",
          "server",
          "reset",
          "cron",
          "time_zone");
    }
  }

  /** {@code leaderboard show ACCOUNT BOARD}. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "A board's definition.")
  static final class Show extends BoardCommand {
    @Override
    JsonNode request(RestClient client) {
      return client.get(path());
    }
  }

  /** {@code leaderboard delete ACCOUNT BOARD}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a board with the scores of all its periods.")
  static final class Delete extends BoardCommand {
    @Override
    JsonNode request(RestClient client) {
      return client.delete(path());
    }

    @Override
    protected void run(RestClient client) {
      request(client);
      if (!json()) {
        out().printf("Leaderboard %s of %s deleted.%n", board, account);
      }
    }
  }

  /** {@code leaderboard periods ACCOUNT BOARD}. */
  @Command(
      name = "periods",
      mixinStandardHelpOptions = true,
      description = "The periods with scores, newest first.")
  static final class Periods extends BoardCommand {
    @Override
    JsonNode request(RestClient client) {
      return client.get(path("periods"));
    }

    @Override
    protected void run(RestClient client) {
      JsonNode answer = request(client);
      if (json()) {
        printJson(answer);
        return;
      }
      answer.path("periods").forEach(period -> out().println(period.asText()));
    }
  }

  /** {@code leaderboard top ACCOUNT BOARD}. */
  @Command(name = "top", mixinStandardHelpOptions = true, description = "The board in rank order.")
  static final class Top extends BoardCommand {
    @Option(names = "--limit", defaultValue = "10", description = "How many (pages of 200).")
    int limit;

    @Override
    JsonNode request(RestClient client) {
      return client.list(path("entries") + periodQuery('?'), limit, RestClient.MAX_PAGE);
    }

    @Override
    protected void run(RestClient client) {
      table(request(client), "rank", "player", "score");
    }
  }

  /** {@code leaderboard rank ACCOUNT BOARD PLAYER [--around N]}. */
  @Command(
      name = "rank",
      mixinStandardHelpOptions = true,
      description = "A player's rank and score, or the players around them.")
  static final class Rank extends BoardCommand {
    @Parameters(index = "2", paramLabel = "PLAYER")
    String player;

    @Option(names = "--around", description = "Also the N players on each side.")
    Integer around;

    @Override
    JsonNode request(RestClient client) {
      if (around == null) {
        return client.get(path("players", player) + periodQuery('?'));
      }
      return client.get(path("players", player, "around") + "?n=" + around + periodQuery('&'));
    }

    @Override
    protected void run(RestClient client) {
      if (around == null) {
        super.run(client);
      } else {
        table(request(client), "rank", "player", "score");
      }
    }
  }

  /** {@code leaderboard count ACCOUNT BOARD}. */
  @Command(name = "count", mixinStandardHelpOptions = true, description = "Players ranked.")
  static final class Count extends BoardCommand {
    @Override
    JsonNode request(RestClient client) {
      return client.get(path("count") + periodQuery('?'));
    }
  }
}
