package dev.gamingapi.server.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a {@code nats-server} left running by a platform process that was killed (SIGKILL skips
 * shutdown hooks). Left alone, it would hold the port and the store, and the new child would fail
 * while clients silently talked to the orphan.
 */
final class OrphanBroker {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanBroker.class);

  private OrphanBroker() {}

  /** Stops the process named in {@code pidFile} if it is still a running nats-server. */
  static void stop(Path pidFile) {
    Optional<ProcessHandle> orphan = read(pidFile).flatMap(ProcessHandle::of);
    if (orphan.isEmpty() || !orphan.get().isAlive() || !isNatsServer(orphan.get())) {
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
