package dev.gamingapi.contract.event;

import dev.gamingapi.contract.subject.Ids;
import java.time.Instant;

/**
 * One event as it travels: the CloudEvents attributes and the data.
 *
 * @param id unique id made by the publisher (a UUIDv7); also the broker's de-duplication id
 * @param type the dotted type, e.g. {@code player.connected}
 * @param serverId the game server that produced it
 * @param playerId the player it is about, or {@code null} for a server event
 * @param time when it happened, UTC
 * @param data the typed data
 */
public record Event(
    String id, String type, String serverId, String playerId, Instant time, EventData data) {

  /** Checks that every attribute is present and the ids are valid. */
  public Event {
    Require.present("id", id);
    Require.present("type", type);
    Ids.server(serverId);
    if (playerId != null) {
      Ids.player(playerId);
    }
    Require.present("time", time);
    Require.present("data", data);
  }

  /** A new event of {@code serverId} with a fresh id, the current time and the type of data. */
  public static Event of(String serverId, EventData data) {
    return new Event(
        EventIds.next(),
        EventCatalog.typeOf(data),
        serverId,
        EventCatalog.playerOf(data),
        Instant.now(),
        data);
  }

  /** The CloudEvents {@code source}: {@code /servers/{server}}. */
  public String source() {
    return "/servers/" + serverId;
  }
}
