package dev.gamingapi.contract.event;

/**
 * Data of an event about one player. The player id also becomes a subject token ({@code
 * v1.servers.{server}.players.{player}.events...}), so one player's history is a subject filter.
 */
public interface PlayerEventData extends EventData {
  /** The player the event is about; a valid id (see {@code Ids}). */
  String playerId();
}
