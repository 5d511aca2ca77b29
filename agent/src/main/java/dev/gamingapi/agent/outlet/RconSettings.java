package dev.gamingapi.agent.outlet;

import dev.gamingapi.contract.subject.Ids;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Commands as console lines over RCON (the Source RCON protocol, which Minecraft speaks too).
 *
 * @param host the game server's RCON host, usually {@code 127.0.0.1}
 * @param port its RCON port (Source 27015, Minecraft 25575 by default)
 * @param password where the RCON password is read from
 * @param game the dialect, which gives the built-in commands' console lines
 * @param commands the owner's additions and replacements: command name to console line template
 *     with {@code {arg}} placeholders; an empty template removes a built-in command
 * @param timeout how long connecting, authenticating and each answer may take
 */
public record RconSettings(
    String host,
    int port,
    Secret password,
    RconGame game,
    Map<String, String> commands,
    Duration timeout)
    implements OutletSettings {
  /** The default time limit of each step. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** Checks every field; a null {@code commands} means none, a null {@code timeout} 5 s. */
  public RconSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("rcon host must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("rcon port must be 1 to 65535, got " + port);
    }
    Objects.requireNonNull(password, "rcon password");
    Objects.requireNonNull(game, "rcon game");
    commands = commands == null ? Map.of() : Map.copyOf(commands);
    commands.keySet().forEach(name -> Ids.name("command name", name));
    timeout = Settings.positive("rcon timeout", timeout, DEFAULT_TIMEOUT);
  }

  /** The game's built-in table with the owner's changes: command name to console line template. */
  public Map<String, String> table() {
    Map<String, String> table = new HashMap<>(game.commands());
    table.putAll(commands);
    table.values().removeIf(String::isBlank);
    return Map.copyOf(table);
  }

  /** The names of {@link #table()}. */
  @Override
  public Set<String> commandNames() {
    return table().keySet();
  }

  /** {@code host:port}, as failures name it. */
  public String address() {
    return host + ":" + port;
  }
}
