package dev.gamingapi.agent.status;

/** What the agent counts per game server; the names appear in {@code /status} and metrics. */
public enum Counter {
  /** Log lines received or read, whatever became of them. */
  LINES_READ("lines_read", "Log lines received or read."),
  /** Events accepted into the server's journal. */
  EVENTS_PUBLISHED("events_published", "Events accepted into the journal."),
  /** Well-formed lines that map to no event. */
  UNMAPPED("unmapped", "Well-formed log lines that map to no event."),
  /** Lines (or posted events) that could not be parsed or made no valid event. */
  MALFORMED("malformed", "Lines or posted events that could not be read."),
  /** Log packets refused: wrong or missing secret, not a log packet. */
  REFUSED_PACKETS("refused_packets", "Log packets refused (wrong secret, not a log packet)."),
  /** Events left out on purpose ({@code exclude_bots}). */
  EXCLUDED("excluded", "Events left out on purpose (exclude_bots)."),
  /** Events the journal refused (too large, journal full). */
  PUBLISH_FAILURES("publish_failures", "Events the journal refused (too large, full)."),
  /** Commands handed to an outlet, each retry counted again. */
  COMMANDS_RUN("commands_run", "Commands handed to an outlet, retries included."),
  /** Commands an outlet ran to success. */
  COMMANDS_SUCCEEDED("commands_succeeded", "Commands an outlet ran to success."),
  /** Runs of a command that failed; a failed run is retried unless the failure is permanent. */
  COMMANDS_FAILED("commands_failed", "Command runs that failed, retries included.");

  private final String wireName;
  private final String help;

  Counter(String wireName, String help) {
    this.wireName = wireName;
    this.help = help;
  }

  /** The snake_case name used in JSON and metric names. */
  public String wireName() {
    return wireName;
  }

  /** One sentence for the metric's {@code # HELP} line. */
  public String help() {
    return help;
  }
}
