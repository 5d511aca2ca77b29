package dev.gamingapi.server.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a {@code nats-server} left running by a platform process that was killed (SIGKILL skips
 * shutdown hooks). Left alone, it would hold the port and the store, and the new child would fail
 * while clients silently talked to the orphan. A broker kept on purpose ({@code
 * GAMINGAPI_KEEP_BROKER}) is adopted instead when it runs the config the platform would start.
 */
final class OrphanBroker {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanBroker.class);

  private OrphanBroker() {}

  /**
   * The nats-server named in {@code config}'s pid file when a platform may adopt it: it runs, its
   * config file is what {@code config} renders now (the same port, store and operator), and it
   * accepts connections. Otherwise empty, and {@link #stop} replaces it.
   */
  static Optional<ProcessHandle> adoptable(BrokerConfig config) {
    Optional<ProcessHandle> running = running(config.pidFile());
    if (running.isEmpty()) {
      return running;
    }
    try {
      if (!Files.readString(config.configFile()).equals(config.render())) {
        LOG.info("nats-server pid {} runs another config: replacing it", running.get().pid());
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", config.port()), 1_000);
      return running;
    } catch (IOException e) {
      LOG.info(
          "nats-server pid {} does not listen on {}: replacing it",
          running.get().pid(),
          config.port());
      return Optional.empty();
    }
  }

  /** Stops the process named in {@code pidFile} if it is still a running nats-server. */
  static void stop(Path pidFile) {
    Optional<ProcessHandle> orphan = running(pidFile);
    if (orphan.isEmpty()) {
      return;
    }
    ProcessHandle process = orphan.get();
    LOG.warn("stopping nats-server pid {} left running by an earlier platform", process.pid());
    process.destroy();
    try {
      process.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception stillAlive) {
      process.destroyForcibly();
    }
  }

  private static Optional<ProcessHandle> running(Path pidFile) {
    return read(pidFile)
        .flatMap(ProcessHandle::of)
        .filter(process -> process.isAlive() && isNatsServer(process));
  }

  private static boolean isNatsServer(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("nats-server")).orElse(false);
  }

  private static Optional<Long> read(Path pidFile) {
    try {
      return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
    } catch (IOException | NumberFormatException absentOrGarbled) {
      return Optional.empty();
    }
  }
}
