package dev.gamingapi.agent.input;

import dev.gamingapi.contract.event.Event;

/**
 * Where an input hands its events: in the agent, one game server's {@code
 * GameServerClient::publish}, which returns once the event is in the journal.
 */
@FunctionalInterface
public interface EventSink {
  /**
   * Journals {@code event}.
   *
   * @return its id
   * @throws dev.gamingapi.contract.ContractException when the event is invalid
   * @throws dev.gamingapi.sdk.GamingApiException when the journal refuses it (too large, full)
   */
  String publish(Event event);
}
