package dev.gamingapi.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code nats-server} executable: {@code NATS_SERVER_BIN}, then the PATH, then Debian's
 * place.
 */
public final class NatsServerBinary {
  private NatsServerBinary() {}

  /**
   * The path of {@code nats-server}.
   *
   * @throws IllegalStateException naming the command that installs it when it cannot be found
   */
  public static Path find() {
    return lookup()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "nats-server not found: install it with 'sudo apt-get install -y nats-server'"
                        + " or set NATS_SERVER_BIN"));
  }

  /** The path of {@code nats-server}, if there is one. */
  public static Optional<Path> lookup() {
    String explicit = System.getenv("NATS_SERVER_BIN");
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, "nats-server");
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return List.of(Path.of("/usr/sbin/nats-server"), Path.of("/usr/bin/nats-server")).stream()
        .filter(Files::isExecutable)
        .findFirst();
  }
}
