package dev.gamingapi.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of the config file with its dotted path: typed reads that fail with the file, line
 * and key, so every check in the loader reads as one line.
 */
record ConfigNode(YamlTree tree, String path, JsonNode node) {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

  ConfigNode {
    if (!node.isObject()) {
      throw tree.error(path, "must be a mapping of keys to values");
    }
  }

  String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  AgentConfigException error(String key, String problem) {
    return tree.error(key == null ? path : keyPath(key), problem);
  }

  boolean has(String key) {
    return node.hasNonNull(key);
  }

  /** Refuses keys outside {@code allowed}: a misspelt key would otherwise be silently ignored. */
  void allowOnly(Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw error(name, "unknown key; expected one of " + new TreeSet<>(allowed));
      }
    }
  }

  Optional<String> string(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
      throw error(key, "must be a text value");
    }
    String text = value.asText();
    if (text.isBlank()) {
      throw error(key, "must not be empty");
    }
    return Optional.of(text);
  }

  String requiredString(String key) {
    return string(key).orElseThrow(() -> error(key, "is required"));
  }

  /** A path; a relative one is taken from the config file's directory, not the working one. */
  Optional<Path> file(String key) {
    return string(key).map(text -> resolve(tree, text));
  }

  static Path resolve(YamlTree tree, String text) {
    Path parent = tree.file().toAbsolutePath().getParent();
    return parent.resolve(text).normalize();
  }

  long integer(String key, long min, long max, long defaultValue) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      throw error(key, "must be " + min + ".." + max);
    }
    return value.asLong();
  }

  int port(String key, int defaultValue) {
    return (int) integer(key, 1, 65535, defaultValue);
  }

  boolean bool(String key, boolean defaultValue) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isBoolean()) {
      throw error(key, "must be true or false");
    }
    return value.asBoolean();
  }

  /** A duration written with its unit: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
  Optional<Duration> duration(String key) {
    return string(key)
        .map(
            text -> {
              Matcher matcher = DURATION.matcher(text.strip());
              if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
                throw error(key, "'" + text + "' is not a duration such as 500ms, 5s, 2m or 1h");
              }
              long amount = Long.parseLong(matcher.group(1));
              return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
              };
            });
  }

  /** The texts of a list of strings; an absent key is an empty list. */
  List<String> strings(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw error(key, "must be a list of strings");
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        throw error(key + "[" + i + "]", "must be a non-empty string");
      }
      items.add(item.asText());
    }
    return items;
  }

  Optional<ConfigNode> object(String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull()
        ? Optional.empty()
        : Optional.of(new ConfigNode(tree, keyPath(key), value));
  }

  /** The mappings of a list; an absent key is an empty list. */
  List<ConfigNode> list(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw error(key, "must be a list");
    }
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      items.add(new ConfigNode(tree, keyPath(key) + "[" + i + "]", value.get(i)));
    }
    return items;
  }
}
