package dev.gamingapi.server.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the {@code nats-server} executable: {@code NATS_SERVER_BIN}, then the PATH, then the Debian
 * locations.
 */
public final class NatsServerExecutable {
  private NatsServerExecutable() {}

  /** Looks in the current process environment. */
  public static Path find() {
    return find(System.getenv());
  }

  /**
   * Looks in {@code env}.
   *
   * @throws NatsServerNotFoundException naming the command that installs it
   */
  public static Path find(Map<String, String> env) {
    String explicit = env.get("NATS_SERVER_BIN");
    if (explicit != null && !explicit.isBlank()) {
      Path path = Path.of(explicit);
      if (!Files.isExecutable(path)) {
        throw new NatsServerNotFoundException(
            "NATS_SERVER_BIN=" + explicit + " is not an executable file");
      }
      return path;
    }
    List<Path> candidates = new ArrayList<>();
    for (String dir : env.getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "nats-server"));
      }
    }
    candidates.add(Path.of("/usr/sbin/nats-server"));
    candidates.add(Path.of("/usr/bin/nats-server"));
    return candidates.stream()
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new NatsServerNotFoundException(
                    "nats-server not found on PATH, /usr/sbin or /usr/bin: install it with"
                        + " 'sudo apt-get install -y nats-server' or set NATS_SERVER_BIN"));
  }
}
