package dev.gamingapi.agent.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The agent's whole configuration, read from one YAML file and checked before anything starts.
 *
 * <pre>{@code
 * state_dir: /var/lib/gamingapi-agent      # journals and read positions; default ./agent-state
 * status: { bind: 127.0.0.1, port: 9465 }  # GET /status and GET /metrics
 * servers:
 *   - id: eu-1
 *     url: nats://events.example.com:4222
 *     creds: /etc/gamingapi/eu-1.creds      # this server's own credential, never another's
 *     journal: /var/lib/gamingapi-agent/journal/eu-1   # default <state_dir>/journal/<id>
 *     inputs:
 *       - type: source-udp                   # logaddress_add 127.0.0.1:27500
 *         port: 27500
 *         secret_file: /etc/gamingapi/eu-1.logsecret   # sv_logsecret; inline secrets are refused
 *         exclude_bots: true
 *         actions:
 *           Planted_The_Bomb: { stat: bomb_plants }
 *           Got_The_Bomb: { custom: bomb_picked_up }
 *       - { type: source-http, port: 27501, path: /logs }   # CS2 logaddress_add_http
 *       - { type: minecraft-log, path: /srv/mc/logs/latest.log }
 *       - { type: log-file, path: /srv/game/server.log, format: lines }
 *       - { type: http-door, port: 8787 }    # POST /events, loopback only
 *     outlet:                                # commands to the game server; one mapping or a list
 *       - rcon: { port: 27015, game: source, password_file: /etc/gamingapi/eu-1.rcon, timeout: 5s,
 *                 commands: { slay: "sm_slay {player_id}" } }   # added to kick, ban, broadcast...
 *       - shell: { timeout: 30s, working_dir: /srv/cs2, commands: { restart: [systemctl, restart, cs2] } }
 *       # or http_poll: { port: 8701, commands: [kick, broadcast], result_timeout: 60s }
 *       # or http_push: { url: "http://127.0.0.1:8080/commands", commands: [kick], timeout: 10s }
 * }</pre>
 *
 * <p>Relative paths are taken from the config file's directory.
 *
 * @param file the config file it was read from
 * @param stateDir where journals and read positions live by default
 * @param status the local status endpoint
 * @param servers the game servers, each with its own credential and journal
 */
public record AgentConfig(
    Path file, Path stateDir, StatusConfig status, List<ServerConfig> servers) {

  /** Canonical constructor: copies the list. */
  public AgentConfig {
    servers = List.copyOf(servers);
  }

  /**
   * Reads and checks {@code file}.
   *
   * @throws AgentConfigException naming the file, line and key of the first problem
   */
  public static AgentConfig load(Path file) {
    return new ConfigLoader(YamlTree.read(file)).load();
  }

  /** The server of this id, if configured. */
  public java.util.Optional<ServerConfig> server(String id) {
    return servers.stream().filter(server -> server.id().equals(id)).findFirst();
  }

  /**
   * The local status endpoint.
   *
   * @param bind the address to listen on; loopback by default
   * @param port the port; 0 picks a free one
   */
  public record StatusConfig(String bind, int port) {}
}
