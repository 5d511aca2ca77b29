package dev.gamingapi.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.common.InvalidRequestException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message templates: text with placeholders {@code {{server}}}, {@code {{type}}}, {@code
 * {{player}}}, {@code {{time}}}, {@code {{id}}} and {@code {{data.FIELD}}} (a field of the event's
 * data, e.g. {@code {{data.name}}}). Checked when a rule is saved, so that a typo is a 400 naming
 * it rather than a silent blank in every message.
 */
public final class Template {
  /** The longest template accepted. */
  public static final int MAX_LENGTH = 2000;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern DATA_FIELD = Pattern.compile("data\\.[a-z][a-z0-9_]{0,63}");
  private static final Set<String> NAMES = Set.of("server", "type", "player", "time", "id");

  private Template() {}

  /**
   * {@code template} if it is valid for field {@code field}.
   *
   * @throws InvalidRequestException naming the first bad placeholder or stray brace
   */
  public static String check(String field, String template) {
    if (template.length() > MAX_LENGTH) {
      throw new InvalidRequestException(field, "must be at most " + MAX_LENGTH + " characters");
    }
    if (template.isBlank()) {
      throw new InvalidRequestException(field, "must not be blank (leave it out for the default)");
    }
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder rest = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!NAMES.contains(name) && !DATA_FIELD.matcher(name).matches()) {
        throw new InvalidRequestException(
            field,
            "has unknown placeholder {{"
                + name
                + "}}; use {{server}}, {{type}}, {{player}}, {{time}}, {{id}} or {{data.FIELD}}");
      }
      matcher.appendReplacement(rest, "");
    }
    matcher.appendTail(rest);
    if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
      throw new InvalidRequestException(field, "has an unclosed or stray {{ or }}");
    }
    return template;
  }

  /** {@code template} with the placeholders replaced from {@code event} (unknown fields: empty). */
  public static String render(String template, NotifyEvent event) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(value(matcher.group(1), event)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String value(String name, NotifyEvent event) {
    return switch (name) {
      case "server" -> event.server();
      case "type" -> event.type();
      case "player" -> event.player() == null ? "" : event.player();
      case "time" -> event.time().toString();
      case "id" -> event.id();
      default -> {
        JsonNode node = event.data().path(name.substring("data.".length()));
        yield node.isMissingNode() || node.isNull()
            ? ""
            : node.isValueNode() ? node.asText() : node.toString();
      }
    };
  }
}
