package dev.gamingapi.server.broker;

import java.nio.file.Path;

/**
 * What the embedded nats-server is started with; rendered to {@code nats-server.conf}.
 *
 * <p>The file holds no tenant: accounts live in the full resolver and are pushed at run time, so
 * the same file serves every node of a cluster.
 *
 * @param port the client port on 127.0.0.1
 * @param serverName the server's name (JetStream needs a stable one to find its store)
 * @param natsDir the directory holding the config, the operator JWT, the resolver and the store
 * @param operatorJwt the operator JWT file
 * @param systemAccount the public key of the system account
 * @param systemAccountJwt the system account JWT, preloaded so the system user can connect at once
 */
public record BrokerConfig(
    int port,
    String serverName,
    Path natsDir,
    Path operatorJwt,
    String systemAccount,
    String systemAccountJwt) {
  /** Largest message the server accepts: 1 MiB, the largest plan payload. */
  public static final int MAX_PAYLOAD = 1024 * 1024;

  /** The config file's path. */
  /** The broker's JetStream store, in {@code natsDir}: a file per stream block of every tenant. */
  public static Path storeDir(Path natsDir) {
    return natsDir.resolve("jetstream");
  }

  public Path configFile() {
    return natsDir.resolve("nats-server.conf");
  }

  /** The child's log file. */
  public Path logFile() {
    return natsDir.resolve("nats-server.log");
  }

  /** The file where the child writes its pid, to find an orphan left by a killed platform. */
  public Path pidFile() {
    return natsDir.resolve("nats-server.pid");
  }

  /** The client URL. */
  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  /** The config file's text. */
  public String render() {
    return """
        # Written by GamingAPI at every start; edits are lost.
        listen: "127.0.0.1:%d"
        server_name: "%s"
        max_payload: %d
        pid_file: "%s"
        jetstream { store_dir: "%s" }
        operator: "%s"
        system_account: %s
        resolver {
          type: full
          dir: "%s"
          allow_delete: true
          interval: "2m"
          timeout: "1.9s"
        }
        resolver_preload {
          %s: "%s"
        }
        """
        .formatted(
            port,
            serverName,
            MAX_PAYLOAD,
            quote(pidFile()),
            quote(storeDir(natsDir)),
            quote(operatorJwt),
            systemAccount,
            quote(natsDir.resolve("jwt")),
            systemAccount,
            systemAccountJwt);
  }

  private static String quote(Path path) {
    return path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
