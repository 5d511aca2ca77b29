package dev.gamingapi.cli.history;

import picocli.CommandLine.Command;

/** {@code gamingapi history leaderboard}: define and query leaderboards. */
@Command(
    name = "leaderboard",
    mixinStandardHelpOptions = true,
    description = "Define and query leaderboards.",
    subcommands = {
      LeaderboardListCommand.class,
      LeaderboardDefineCommand.class,
      LeaderboardShowCommand.class,
      LeaderboardDeleteCommand.class,
      LeaderboardPeriodsCommand.class,
      LeaderboardTopCommand.class,
      LeaderboardRankCommand.class,
      LeaderboardCountCommand.class
    })
public final class LeaderboardCommand {
  private LeaderboardCommand() {}
}
