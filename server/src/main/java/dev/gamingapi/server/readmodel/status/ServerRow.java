package dev.gamingapi.server.readmodel.status;

/**
 * A game server as its events left it (times in epoch milliseconds of the events).
 *
 * @param state {@link #ONLINE} or {@link #STOPPED} as stored; unresponsive is decided when read
 */
public record ServerRow(
    String server,
    String state,
    String game,
    String map,
    String version,
    Integer maxPlayers,
    Long startedAt,
    Long stoppedAt,
    long lastEventAt,
    String lastEventType) {
  /** Sent an event and not stopped since. */
  public static final String ONLINE = "online";

  /** Its last start was followed by {@code server.stopped}. */
  public static final String STOPPED = "stopped";
}
