package dev.gamingapi.contract.event;

/** Whether an event type is about a server, a player, or may be either (custom types). */
public enum Scope {
  /** Published on {@code v1.servers.{server}.events.{type}}. */
  SERVER,
  /** Published on {@code v1.servers.{server}.players.{player}.events.{type}}. */
  PLAYER,
  /** A custom type: a player subject when it names a player, else a server subject. */
  EITHER
}
