package dev.gamingapi.contract.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.subject.Ids;

/**
 * An event of the tenant's own type {@code custom.{name}}: any JSON object as data, about a server
 * or, when {@code playerId} is set, about one player.
 */
public record CustomEvent(String name, String playerId, JsonNode data) implements EventData {
  /** Checks the name, the optional player id and that the data is a JSON object. */
  public CustomEvent {
    Ids.name("custom event name", name);
    Require.optionalPlayer("player_id", playerId);
    Require.present("data", data);
    if (!data.isObject()) {
      throw new InvalidEventException("custom event data must be a JSON object");
    }
  }

  /** The event type, {@code custom.{name}}. */
  public String type() {
    return EventCatalog.CUSTOM_PREFIX + name;
  }
}
