package dev.gamingapi.agent;

import dev.gamingapi.agent.config.AgentConfig;
import dev.gamingapi.agent.config.ServerConfig;
import dev.gamingapi.agent.status.StatusServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The running agent: one {@link ServerRuntime} per configured game server, each with its own
 * client, inputs and command outlets, and the local status endpoint. {@link #close()} stops the
 * commands and the inputs first, then flushes and closes the journals, so nothing read is lost.
 */
public final class Agent implements AutoCloseable {
  private final List<ServerRuntime> servers;
  private final StatusServer status;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private Agent(List<ServerRuntime> servers, StatusServer status) {
    this.servers = List.copyOf(servers);
    this.status = status;
  }

  /**
   * Opens every server's client and starts every input and the status endpoint.
   *
   * @throws RuntimeException when anything cannot start; what had started is closed again
   */
  public static Agent start(AgentConfig config) {
    List<ServerRuntime> servers = new ArrayList<>();
    StatusServer status = null;
    try {
      for (ServerConfig server : config.servers()) {
        servers.add(ServerRuntime.open(server, config.stateDir()));
      }
      for (ServerRuntime server : servers) {
        server.startInputs();
        server.startCommands();
      }
      status =
          StatusServer.start(
              config.status().bind(),
              config.status().port(),
              servers.stream().map(ServerRuntime::counters).toList(),
              id -> find(servers, id).map(server -> server.client().pending()).orElse(0L));
      return new Agent(servers, status);
    } catch (RuntimeException e) {
      servers.forEach(ServerRuntime::close);
      throw e;
    }
  }

  private static Optional<ServerRuntime> find(List<ServerRuntime> servers, String id) {
    return servers.stream().filter(server -> server.config().id().equals(id)).findFirst();
  }

  /** The runtimes, in config order. */
  public List<ServerRuntime> servers() {
    return servers;
  }

  /** The runtime of server {@code id}. */
  public Optional<ServerRuntime> server(String id) {
    return find(servers, id);
  }

  /** The port of {@code GET /status} and {@code GET /metrics}. */
  public int statusPort() {
    return status.port();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return; // the shutdown hook and main may both close
    }
    status.close();
    for (ServerRuntime server : servers) {
      server.close();
    }
  }
}
