package dev.gamingapi.cli.history;

import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command on one leaderboard takes: the account, the board and a period. */
abstract class BoardCommand extends ShowCommand {
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
