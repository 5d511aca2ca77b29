package dev.gamingapi.agent.outlet.rcon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.agent.outlet.RconGame;
import dev.gamingapi.sdk.CommandRejectedException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A console line made from a command's template and arguments. */
final class ConsoleLine {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  private ConsoleLine() {}

  /**
   * Fills each {@code {arg}} of {@code template} with that argument of the command: a string as is,
   * a number or boolean as written in JSON.
   *
   * @throws CommandRejectedException when the command lacks an argument the template names, or an
   *     argument is an object or array, or holds characters the console would read as syntax: it
   *     would be refused alike on every delivery
   */
  static String render(String command, String template, JsonNode args, RconGame game) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder line = new StringBuilder();
    while (matcher.find()) {
      String arg = matcher.group(1);
      JsonNode value = args == null ? null : args.get(arg);
      if (value == null || value.isNull()) {
        throw new CommandRejectedException(
            "command '"
                + command
                + "' has no argument '"
                + arg
                + "', which its console line '"
                + template
                + "' needs");
      }
      if (!value.isValueNode()) {
        throw new CommandRejectedException(
            "argument '"
                + arg
                + "' of command '"
                + command
                + "' must be a string, number or"
                + " boolean to go into a console line");
      }
      String text = value.asText();
      checkSafe(command, arg, text, game);
      matcher.appendReplacement(line, Matcher.quoteReplacement(text));
    }
    matcher.appendTail(line);
    return line.toString();
  }

  // An argument must not end the line or start another command: it comes from whoever may send
  // commands, while the console runs with the game server's full rights.
  private static void checkSafe(String command, String arg, String text, RconGame game) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || game.forbiddenInArgs().indexOf(c) >= 0) {
        String shown = Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : "" + c;
        throw new CommandRejectedException(
            "argument '"
                + arg
                + "' of command '"
                + command
                + "' holds '"
                + shown
                + "', which the "
                + game.name().toLowerCase(Locale.ROOT)
                + " console would read as syntax; refused");
      }
    }
  }
}
