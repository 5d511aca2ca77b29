package dev.gamingapi.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A Discord webhook message with one embed, cut to Discord's limits: title 256 characters,
 * description 4,096, 25 fields (name 256, value 1,024), footer 2,048, and 6,000 characters over all
 * of them; a message over any limit is refused by Discord with a 400 and would never be delivered.
 * Mentions are disabled, so that a player's chat message cannot ping {@code @everyone}.
 */
public final class DiscordEmbed {
  static final int TITLE = 256;
  static final int DESCRIPTION = 4096;
  static final int FIELDS = 25;
  static final int FIELD_NAME = 256;
  static final int FIELD_VALUE = 1024;
  static final int FOOTER = 2048;
  static final int TOTAL = 6000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ELLIPSIS = "…";

  private DiscordEmbed() {}

  /** The message body for {@code event} under {@code rule}. */
  public static ObjectNode of(Rule rule, NotifyEvent event) {
    String title = Messages.title(event);
    String description =
        rule.template() != null
            ? Template.render(rule.template(), event)
            : Messages.description(event);
    List<String[]> fields = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = event.data().fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      String text = value.isValueNode() ? value.asText() : value.toString();
      if (!text.isEmpty()) {
        fields.add(new String[] {field.getKey(), text});
      }
    }
    String footer = event.server() + " · " + event.type();
    return build(title, description, fields, footer, event.time().toString());
  }

  static ObjectNode build(
      String title, String description, List<String[]> fields, String footer, String timestamp) {
    String t = cut(title.isEmpty() ? "(untitled)" : title, TITLE);
    String f = cut(footer, FOOTER);
    List<String[]> kept = new ArrayList<>();
    for (String[] field : fields) {
      if (kept.size() == FIELDS) {
        break;
      }
      kept.add(new String[] {cut(field[0], FIELD_NAME), cut(field[1], FIELD_VALUE)});
    }
    String d = cut(description, DESCRIPTION);
    // Over 6,000 in all: the fields (details) give way first, from the last; the description is
    // the message itself and fits with title and footer on its own (4,096 + 256 + 2,048 > 6,000
    // only with a huge footer, which then shortens it).
    while (t.length() + f.length() + sum(kept) + d.length() > TOTAL && !kept.isEmpty()) {
      kept.remove(kept.size() - 1);
    }
    if (t.length() + f.length() + d.length() > TOTAL) {
      d = cut(d, Math.max(0, TOTAL - t.length() - f.length()));
    }
    ObjectNode body = JSON.createObjectNode();
    body.putObject("allowed_mentions").putArray("parse");
    ObjectNode embed = body.putArray("embeds").addObject();
    embed.put("title", t);
    if (!d.isEmpty()) {
      embed.put("description", d);
    }
    embed.put("timestamp", timestamp);
    embed.putObject("footer").put("text", f);
    ArrayNode array = embed.putArray("fields");
    for (String[] field : kept) {
      array.addObject().put("name", field[0]).put("value", field[1]).put("inline", true);
    }
    return body;
  }

  /** Characters of {@code body}'s embeds that count against Discord's 6,000. */
  public static int total(JsonNode body) {
    int total = 0;
    for (JsonNode embed : body.path("embeds")) {
      total += embed.path("title").asText("").length();
      total += embed.path("description").asText("").length();
      total += embed.path("footer").path("text").asText("").length();
      for (JsonNode field : embed.path("fields")) {
        total += field.path("name").asText("").length() + field.path("value").asText("").length();
      }
    }
    return total;
  }

  private static int sum(List<String[]> fields) {
    int sum = 0;
    for (String[] field : fields) {
      sum += field[0].length() + field[1].length();
    }
    return sum;
  }

  /** {@code text} in at most {@code max} characters, never splitting a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    if (max <= ELLIPSIS.length()) {
      return "";
    }
    int end = max - ELLIPSIS.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ELLIPSIS;
  }
}
