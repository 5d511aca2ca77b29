package dev.gamingapi.server.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code GAMINGAPI_*} settings a process was started with, read with types: every read names
 * the variable in its error, so a wrong value fails the start with a line that says which one.
 *
 * <p>{@link PlatformSettings#fromEnvironment} is the one place that reads it; nothing below the
 * edge looks at the environment.
 *
 * @param values the variables by name
 */
public record Environment(Map<String, String> values) {
  private static final String PREFIX = "GAMINGAPI_";

  /** Copies {@code values}. */
  public Environment {
    values = Map.copyOf(values);
  }

  /** The given variables (tests, child processes). */
  public static Environment of(Map<String, String> values) {
    return new Environment(values);
  }

  /**
   * This process's environment, where a JVM system property named {@code GAMINGAPI_*} wins over the
   * variable of the same name: how tests of {@code gamingapi up} set a variable in-process.
   */
  public static Environment process() {
    Map<String, String> values = new HashMap<>(System.getenv());
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(PREFIX)) {
        values.put(name, System.getProperty(name));
      }
    }
    return new Environment(values);
  }

  /** The value of {@code key}, stripped; null when unset or blank. */
  public String string(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The value of {@code key}, or {@code fallback} when unset or blank. */
  public String string(String key, String fallback) {
    String value = string(key);
    return value == null ? fallback : value;
  }

  /** A path, or {@code fallback}. */
  public Path path(String key, Path fallback) {
    String value = string(key);
    return value == null ? fallback : Path.of(value);
  }

  /** An integer, or {@code fallback}. */
  public int integer(String key, int fallback) {
    String value = string(key);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(key + " must be an integer, got '" + value + "'");
    }
  }

  /** An ISO-8601 duration ({@code PT30S}), or {@code fallback}. */
  public Duration duration(String key, Duration fallback) {
    String value = string(key);
    try {
      return value == null ? fallback : Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidConfigException(
          key + " must be an ISO-8601 duration like PT30S, got '" + value + "'");
    }
  }

  /** {@code true} or {@code false}, or {@code fallback}. */
  public boolean bool(String key, boolean fallback) {
    String value = string(key);
    if (value == null) {
      return fallback;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw new InvalidConfigException(key + " must be true or false, got '" + value + "'");
    }
    return value.equals("true");
  }
}
