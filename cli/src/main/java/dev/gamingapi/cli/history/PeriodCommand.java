package dev.gamingapi.cli.history;

import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Option;

/**
 * A command that reads one period of a leaderboard. Only these take {@code --period}: define,
 * delete and periods listed it and ignored it.
 */
abstract class PeriodCommand extends BoardCommand {
  @Option(
      names = "--period",
      description = "all, YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY-MM-DDTHH:MM (cron boards).")
  String period;

  String periodQuery(char separator) {
    return period == null ? "" : separator + "period=" + RestClient.query(period);
  }
}
