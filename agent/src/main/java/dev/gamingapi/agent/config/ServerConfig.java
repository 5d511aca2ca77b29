package dev.gamingapi.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One game server the agent speaks for.
 *
 * @param id the server id its events are published as
 * @param url the broker URL
 * @param creds the server's own game-server creds file, if the broker wants one
 * @param journal the SDK journal directory of this server (one per server)
 * @param inputs where its events come from
 * @param outlet the {@code outlet:} mapping exactly as written (commands handed on to the game
 *     server: RCON, a local HTTP outlet, a shell command). The inputs half of the agent does not
 *     read it; the outlet wiring does, and validates it itself. {@link Optional#empty()} when
 *     absent.
 */
public record ServerConfig(
    String id,
    String url,
    Optional<Path> creds,
    Path journal,
    List<InputConfig> inputs,
    Optional<JsonNode> outlet) {

  /** Canonical constructor: copies the list. */
  public ServerConfig {
    inputs = List.copyOf(inputs);
  }
}
