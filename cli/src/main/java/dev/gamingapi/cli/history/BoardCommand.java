package dev.gamingapi.cli.history;

import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Parameters;

/** What every command on one leaderboard takes: the account and the board. */
abstract class BoardCommand extends ShowCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT")
  String account;

  @Parameters(index = "1", paramLabel = "BOARD")
  String board;

  String path(String... more) {
    String[] segments = new String[4 + more.length];
    segments[0] = "accounts";
    segments[1] = account;
    segments[2] = "leaderboards";
    segments[3] = board;
    System.arraycopy(more, 0, segments, 4, more.length);
    return RestClient.path(segments);
  }
}
