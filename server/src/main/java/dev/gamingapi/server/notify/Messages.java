package dev.gamingapi.server.notify;

import com.fasterxml.jackson.databind.JsonNode;

/** The default title and text of a notification, for the events owners ask about most. */
final class Messages {
  private Messages() {}

  static String title(NotifyEvent e) {
    return switch (e.type()) {
      case "server.started" -> "Server " + e.server() + " is up";
      case "server.stopped" -> "Server " + e.server() + " stopped";
      case HeartbeatWatch.UNRESPONSIVE -> "Server " + e.server() + " is not responding";
      case "player.connected" -> player(e) + " joined " + e.server();
      case "player.disconnected" -> player(e) + " left " + e.server();
      case "player.chatted" -> player(e) + " on " + e.server();
      case "match.started" -> "Match started on " + e.server();
      case "match.ended" -> "Match ended on " + e.server();
      case Notifier.TEST_TYPE -> "Test notification";
      default -> e.type() + " on " + e.server();
    };
  }

  static String description(NotifyEvent e) {
    JsonNode d = e.data();
    return switch (e.type()) {
      case "server.started" -> join("Map", d.path("map"), "Version", d.path("version"));
      case "server.stopped" -> text(d.path("reason"));
      case HeartbeatWatch.UNRESPONSIVE ->
          "No heartbeat for " + d.path("silent_seconds").asLong() + " seconds.";
      case "player.disconnected" -> text(d.path("reason"));
      case "player.chatted" -> text(d.path("message"));
      case "match.ended" -> join("Winner", d.path("winner"), "Match", d.path("match_id"));
      case Notifier.TEST_TYPE -> "GamingAPI can reach this endpoint.";
      default -> "";
    };
  }

  /** The text of a rule's message: its template rendered, else the default title. */
  static String text(Rule rule, NotifyEvent e) {
    if (rule.template() != null) {
      return Template.render(rule.template(), e);
    }
    String description = description(e);
    return description.isEmpty() ? title(e) : title(e) + ": " + description;
  }

  private static String player(NotifyEvent e) {
    String name = e.data().path("name").asText("");
    return name.isEmpty() ? (e.player() == null ? "A player" : e.player()) : name;
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "" : node.asText();
  }

  private static String join(String k1, JsonNode v1, String k2, JsonNode v2) {
    StringBuilder out = new StringBuilder();
    if (!text(v1).isEmpty()) {
      out.append(k1).append(": ").append(text(v1));
    }
    if (!text(v2).isEmpty()) {
      out.append(out.isEmpty() ? "" : "\n").append(k2).append(": ").append(text(v2));
    }
    return out.toString();
  }
}
