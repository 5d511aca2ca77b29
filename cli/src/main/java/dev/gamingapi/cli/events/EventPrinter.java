package dev.gamingapi.cli.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.sdk.StoredEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Prints stored events as aligned text lines or as JSON lines. */
final class EventPrinter {
  private final PrintWriter out;
  private final boolean json;

  EventPrinter(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  void print(StoredEvent event) {
    String body = new String(event.body(), StandardCharsets.UTF_8);
    if (!json) {
      String who =
          event.playerId() == null ? event.serverId() : event.serverId() + "/" + event.playerId();
      out.printf(
          "%8d  %s  %-18s %-24s %s%n", event.sequence(), event.time(), event.type(), who, body);
      return;
    }
    ObjectNode line = ContractJson.mapper().createObjectNode();
    line.put("sequence", event.sequence());
    line.put("id", event.id());
    line.put("type", event.type());
    line.put("server", event.serverId());
    line.put("player", event.playerId());
    line.put("time", event.time().toString());
    line.set("data", parse(body));
    out.println(line);
  }

  private static JsonNode parse(String body) {
    try {
      return ContractJson.mapper().readTree(body);
    } catch (IOException notJson) {
      return ContractJson.mapper().getNodeFactory().textNode(body);
    }
  }
}
