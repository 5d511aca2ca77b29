package dev.gamingapi.agent.config;

import dev.gamingapi.agent.outlet.OutletSettings;
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
 * @param outlets where the platform's commands to this server are handed on (RCON, a local HTTP
 *     outlet, a program), each command name to one of them; empty when the server takes no commands
 *     through the agent
 */
public record ServerConfig(
    String id,
    String url,
    Optional<Path> creds,
    Path journal,
    List<InputConfig> inputs,
    List<OutletSettings> outlets) {

  /** Canonical constructor: copies the lists. */
  public ServerConfig {
    inputs = List.copyOf(inputs);
    outlets = List.copyOf(outlets);
  }
}
