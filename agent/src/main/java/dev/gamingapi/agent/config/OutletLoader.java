package dev.gamingapi.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.agent.outlet.HttpPollSettings;
import dev.gamingapi.agent.outlet.HttpPushSettings;
import dev.gamingapi.agent.outlet.OutletException;
import dev.gamingapi.agent.outlet.OutletSettings;
import dev.gamingapi.agent.outlet.RconGame;
import dev.gamingapi.agent.outlet.RconSettings;
import dev.gamingapi.agent.outlet.Secret;
import dev.gamingapi.agent.outlet.ShellSettings;
import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.subject.Ids;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a server's {@code outlet:}: one mapping, or a list of them so that a server can have RCON
 * for the built-in commands and a shell for {@code restart}. Each mapping names one kind ({@code
 * rcon}, {@code http_poll}, {@code http_push}, {@code shell}); a command name claimed by two of
 * them is refused, since the receiver could run only one.
 */
final class OutletLoader {
  private static final Set<String> KINDS = Set.of("rcon", "http_poll", "http_push", "shell");

  List<OutletSettings> outlets(ConfigNode server) {
    JsonNode raw = server.node().get("outlet");
    if (raw == null || raw.isNull()) {
      return List.of();
    }
    List<ConfigNode> entries =
        raw.isArray() ? server.list("outlet") : List.of(server.object("outlet").orElseThrow());
    if (entries.isEmpty()) {
      throw server.error("outlet", "list at least one outlet, or leave outlet out");
    }
    List<OutletSettings> outlets = new ArrayList<>();
    Map<String, String> claimedBy = new HashMap<>();
    for (ConfigNode entry : entries) {
      entry.allowOnly(KINDS);
      if (entry.node().size() != 1) {
        throw entry.error(
            null, "must name exactly one outlet: rcon, http_poll, http_push or shell");
      }
      String kind = entry.node().fieldNames().next();
      ConfigNode body =
          entry.object(kind).orElseThrow(() -> entry.error(kind, "must be a mapping"));
      OutletSettings settings =
          switch (kind) {
            case "rcon" -> rcon(body);
            case "http_poll" -> httpPoll(body);
            case "http_push" -> httpPush(body);
            default -> shell(body);
          };
      for (String name : settings.commandNames()) {
        String other = claimedBy.putIfAbsent(name, body.path());
        if (other != null) {
          throw body.error(
              "commands",
              "'"
                  + name
                  + "' is also a command of "
                  + other
                  + "; give each command one outlet (an RCON built-in is removed with "
                  + name
                  + ": \"\")");
        }
      }
      outlets.add(settings);
    }
    return List.copyOf(outlets);
  }

  private static RconSettings rcon(ConfigNode body) {
    body.allowOnly(
        Set.of(
            "host",
            "port",
            "game",
            "password",
            "password_file",
            "password_env",
            "timeout",
            "commands"));
    RconGame game =
        switch (body.string("game").orElse("source")) {
          case "source" -> RconGame.SOURCE;
          case "minecraft" -> RconGame.MINECRAFT;
          default -> throw body.error("game", "must be source or minecraft");
        };
    String host = body.string("host").orElse("127.0.0.1");
    int port = body.port("port", game == RconGame.MINECRAFT ? 25575 : 27015);
    Secret password = password(body);
    Map<String, String> templates = new LinkedHashMap<>();
    body.object("commands").ifPresent(table -> templates.putAll(templates(table)));
    return build(
        body,
        () ->
            new RconSettings(
                host, port, password, game, templates, body.duration("timeout").orElse(null)));
  }

  private static HttpPollSettings httpPoll(ConfigNode body) {
    body.allowOnly(Set.of("port", "commands", "result_timeout"));
    if (!body.has("port")) {
      throw body.error(
          "port", "is required: the game server fetches commands from http://127.0.0.1:<port>");
    }
    int port = body.port("port", 0);
    Set<String> names = names(body);
    return build(
        body,
        () -> new HttpPollSettings(port, names, body.duration("result_timeout").orElse(null)));
  }

  private static HttpPushSettings httpPush(ConfigNode body) {
    body.allowOnly(Set.of("url", "commands", "timeout"));
    String text = body.requiredString("url");
    URI url;
    try {
      url = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw body.error("url", "'" + text + "' is not a URL");
    }
    Set<String> names = names(body);
    return build(
        body, () -> new HttpPushSettings(url, names, body.duration("timeout").orElse(null)));
  }

  private static ShellSettings shell(ConfigNode body) {
    body.allowOnly(Set.of("commands", "timeout", "working_dir"));
    ConfigNode table =
        body.object("commands")
            .orElseThrow(
                () -> body.error("commands", "is required: command name to [program, args...]"));
    Map<String, List<String>> commands = new LinkedHashMap<>();
    for (Iterator<String> names = table.node().fieldNames(); names.hasNext(); ) {
      String name = commandName(table, names.next());
      if (!table.node().get(name).isArray()) {
        throw table.error(
            name, "must be a list, program first (no shell runs it): [systemctl, restart, cs2]");
      }
      commands.put(name, table.strings(name));
    }
    Path workingDir = body.file("working_dir").orElse(null);
    if (workingDir != null && !Files.isDirectory(workingDir)) {
      throw body.error("working_dir", workingDir + " is not a directory");
    }
    return build(
        body, () -> new ShellSettings(commands, body.duration("timeout").orElse(null), workingDir));
  }

  // The password lives elsewhere so the config can be shared; it is read once here to fail at
  // start, and again at each connection so that a rotated file needs no restart.
  private static Secret password(ConfigNode body) {
    if (body.has("password")) {
      throw body.error(
          "password",
          "inline passwords are refused (config files get shared): use password_file or"
              + " password_env");
    }
    if (body.has("password_file") == body.has("password_env")) {
      throw body.error(
          body.has("password_env") ? "password_env" : "password_file",
          "set one of password_file or password_env: the RCON password");
    }
    String key = body.has("password_file") ? "password_file" : "password_env";
    Secret secret =
        body.has("password_file")
            ? Secret.fromFile(body.file("password_file").orElseThrow())
            : Secret.fromEnv(body.requiredString("password_env"));
    try {
      if (secret.read().isEmpty()) {
        throw body.error(key, "the RCON password is empty");
      }
    } catch (OutletException e) {
      throw body.error(key, e.getMessage());
    }
    return secret;
  }

  private static Map<String, String> templates(ConfigNode table) {
    Map<String, String> templates = new LinkedHashMap<>();
    for (Iterator<String> names = table.node().fieldNames(); names.hasNext(); ) {
      String name = commandName(table, names.next());
      JsonNode template = table.node().get(name);
      if (!template.isTextual()) {
        throw table.error(
            name, "must be a console line such as \"sm_slay {player_id}\", or \"\" to remove it");
      }
      templates.put(name, template.asText());
    }
    return templates;
  }

  private static Set<String> names(ConfigNode body) {
    List<String> list = body.strings("commands");
    if (list.isEmpty()) {
      throw body.error("commands", "list the command names the game server handles");
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : list) {
      if (!names.add(commandName(body, "commands", name))) {
        throw body.error("commands", "'" + name + "' is listed twice");
      }
    }
    return names;
  }

  private static String commandName(ConfigNode table, String name) {
    return commandName(table, name, name);
  }

  private static String commandName(ConfigNode node, String key, String name) {
    try {
      return Ids.name("command name", name);
    } catch (ContractException e) {
      throw node.error(key, e.getMessage());
    }
  }

  /** The records check their combinations too; what they refuse is named at the outlet's key. */
  private static <T> T build(ConfigNode body, Supplier<T> settings) {
    try {
      return settings.get();
    } catch (IllegalArgumentException | ContractException e) {
      throw body.error(null, e.getMessage());
    }
  }
}
