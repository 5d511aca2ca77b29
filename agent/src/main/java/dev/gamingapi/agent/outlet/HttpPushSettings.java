package dev.gamingapi.agent.outlet;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Commands posted to the game server: the agent POSTs each command as JSON to {@code url} and takes
 * a 2xx answer's JSON body as the output; any other status fails the command with the status and
 * the body. Suits a game server (or its plugin) with an HTTP endpoint of its own.
 *
 * @param url where to POST commands, usually on loopback ({@code http://127.0.0.1:8080/commands})
 * @param commands the command names the game server handles
 * @param timeout how long connecting and answering may take
 */
public record HttpPushSettings(URI url, Set<String> commands, Duration timeout)
    implements OutletSettings {
  /** The default time limit of a POST. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Checks every field; a null {@code timeout} means 10 s. */
  public HttpPushSettings {
    Objects.requireNonNull(url, "push url");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("push url must be http or https, got " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("push url has no host: " + url);
    }
    commands = Settings.names(commands);
    timeout = Settings.positive("push timeout", timeout, DEFAULT_TIMEOUT);
  }

  /** {@link #commands()}. */
  @Override
  public Set<String> commandNames() {
    return commands;
  }
}
