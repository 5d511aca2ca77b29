package dev.gamingapi.agent.outlet;

import java.time.Duration;
import java.util.Set;

/**
 * Commands fetched by the game server: the agent serves {@code GET /commands/next} and {@code POST
 * /commands/{id}/result} on loopback, and a command completes when the game server posts its
 * result. Suits a game server (or its plugin) that can make HTTP requests but not accept them.
 *
 * @param port the loopback port to serve on; 0 takes any free one
 * @param commands the command names the game server handles
 * @param resultTimeout how long a command may wait to be fetched and answered before it fails (and
 *     is retried)
 */
public record HttpPollSettings(int port, Set<String> commands, Duration resultTimeout)
    implements OutletSettings {
  /** The default time a command waits for its result. */
  public static final Duration DEFAULT_RESULT_TIMEOUT = Duration.ofSeconds(60);

  /** Checks every field; a null {@code resultTimeout} means 60 s. */
  public HttpPollSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("http port must be 0 to 65535, got " + port);
    }
    commands = Settings.names(commands);
    resultTimeout = Settings.positive("result timeout", resultTimeout, DEFAULT_RESULT_TIMEOUT);
  }

  /** {@link #commands()}. */
  @Override
  public Set<String> commandNames() {
    return commands;
  }
}
