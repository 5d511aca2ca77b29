package dev.gamingapi.agent.config;

import dev.gamingapi.agent.config.InputConfig.HlOptions;
import dev.gamingapi.agent.config.InputConfig.LogFile.Format;
import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.contract.event.ScoreOperator;
import dev.gamingapi.contract.subject.Ids;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads one entry of a server's {@code inputs:} list, by its {@code type}. */
final class InputLoader {
  private static final Set<String> HL_KEYS =
      Set.of("custom_unmapped", "exclude_bots", "timezone", "actions");
  private static final Set<String> SECRET_KEYS = Set.of("secret", "secret_file", "secret_env");

  /** Actions the common Source games trigger, as stats; the owner's table adds to them. */
  private static final Map<String, ActionMapping> DEFAULT_ACTIONS =
      Map.of(
          "Planted_The_Bomb", new ActionMapping.Score("bomb_plants", 1, ScoreOperator.INCR),
          "Defused_The_Bomb", new ActionMapping.Score("bomb_defuses", 1, ScoreOperator.INCR),
          "Rescued_A_Hostage", new ActionMapping.Score("hostages_rescued", 1, ScoreOperator.INCR),
          "kill assist", new ActionMapping.Score("assists", 1, ScoreOperator.INCR),
          "captureblocked", new ActionMapping.Score("captures_blocked", 1, ScoreOperator.INCR));

  InputConfig input(ConfigNode node, int index) {
    String type = node.requiredString("type");
    String name = node.string("name").orElse(type + "-" + index);
    if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw node.error("name", "must be 1 to 64 characters from A-Z a-z 0-9 _ . -");
    }
    return switch (type) {
      case "source-udp" -> {
        node.allowOnly(keys(HL_KEYS, SECRET_KEYS, "bind", "port", "receive_buffer"));
        yield new InputConfig.SourceUdp(
            name,
            node.string("bind").orElse("0.0.0.0"),
            node.port("port", 27500),
            ConfigLoader.secret(node),
            (int) node.integer("receive_buffer", 65536, 1 << 30, 4 << 20),
            hl(node));
      }
      case "source-http" -> {
        node.allowOnly(keys(HL_KEYS, Set.of(), "bind", "port", "path"));
        String path = node.string("path").orElse("/");
        if (!path.startsWith("/")) {
          throw node.error("path", "must start with /");
        }
        yield new InputConfig.SourceHttp(
            name,
            node.string("bind").orElse("127.0.0.1"),
            node.port("port", 27501),
            path,
            hl(node));
      }
      case "minecraft-log" -> {
        node.allowOnly(keys(Set.of(), Set.of(), "path", "custom_unmapped", "poll_ms"));
        yield new InputConfig.MinecraftLog(
            name, file(node), node.bool("custom_unmapped", false), poll(node));
      }
      case "log-file" -> {
        node.allowOnly(keys(HL_KEYS, Set.of(), "path", "format", "poll_ms"));
        Format format =
            switch (node.string("format").orElse("lines")) {
              case "hl" -> Format.HL;
              case "lines" -> Format.LINES;
              default -> throw node.error("format", "must be hl or lines");
            };
        yield new InputConfig.LogFile(name, file(node), format, hl(node), poll(node));
      }
      case "http-door" -> {
        node.allowOnly(keys(Set.of(), Set.of(), "bind", "port"));
        yield new InputConfig.HttpDoor(
            name, node.string("bind").orElse("127.0.0.1"), node.port("port", 8787));
      }
      default ->
          throw node.error(
              "type",
              "'"
                  + type
                  + "' is not an input type; expected one of source-udp, source-http,"
                  + " minecraft-log, log-file, http-door");
    };
  }

  private static Set<String> keys(Set<String> a, Set<String> b, String... more) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    all.addAll(Set.of(more));
    all.add("type");
    all.add("name");
    return all;
  }

  private static Path file(ConfigNode node) {
    return node.file("path").orElseThrow(() -> node.error("path", "is required"));
  }

  private static Duration poll(ConfigNode node) {
    return Duration.ofMillis(node.integer("poll_ms", 10, 60_000, 250));
  }

  private static HlOptions hl(ConfigNode node) {
    ZoneId zone;
    try {
      zone = node.string("timezone").map(ZoneId::of).orElse(ZoneId.systemDefault());
    } catch (DateTimeException e) {
      throw node.error("timezone", "is not a time zone id such as Europe/Berlin or UTC");
    }
    Map<String, ActionMapping> actions = new LinkedHashMap<>(DEFAULT_ACTIONS);
    node.object("actions").ifPresent(table -> readActions(table, actions));
    return new HlOptions(
        node.bool("custom_unmapped", false), node.bool("exclude_bots", false), zone, actions);
  }

  private static void readActions(ConfigNode table, Map<String, ActionMapping> actions) {
    Iterator<String> names = table.node().fieldNames();
    while (names.hasNext()) {
      String action = names.next();
      ConfigNode entry =
          table.object(action).orElseThrow(() -> table.error(action, "must be a mapping"));
      entry.allowOnly(Set.of("stat", "value", "operator", "custom"));
      if (entry.has("custom") == entry.has("stat")) {
        throw table.error(action, "set either stat (player.scored) or custom (custom.<name>)");
      }
      if (entry.has("custom")) {
        String custom = entry.requiredString("custom");
        if (!Ids.isValid(custom) || !custom.matches("[a-z0-9_]+")) {
          throw entry.error("custom", "must be 1 to 64 characters from a-z 0-9 _");
        }
        actions.put(action, new ActionMapping.Custom(custom));
        continue;
      }
      String stat = entry.requiredString("stat");
      if (!stat.matches("[a-z0-9_]{1,64}")) {
        throw entry.error("stat", "must be 1 to 64 characters from a-z 0-9 _");
      }
      double value = entry.has("value") ? entry.node().get("value").asDouble(Double.NaN) : 1;
      if (!Double.isFinite(value) || value < 0) {
        throw entry.error("value", "must be a number, 0 or more");
      }
      ScoreOperator operator;
      try {
        operator = ScoreOperator.fromWire(entry.string("operator").orElse("incr"));
      } catch (InvalidEventException e) {
        throw entry.error("operator", "must be one of best, set, incr, decr");
      }
      actions.put(action, new ActionMapping.Score(stat, value, operator));
    }
  }
}
