package dev.gamingapi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code nats-server} child process on loopback with JetStream, for tests and benchmarks.
 *
 * <p>The port and the store directory stay the same across {@link #kill()} and {@link #start()}, so
 * a test can crash the broker and bring it back with its data. Extra configuration (operator mode,
 * cluster routes) is appended verbatim to the generated config file. The process runs in its
 * directory, so relative paths in that configuration (a resolver {@code dir: "jwt"}) stay inside
 * it: one config text then gives every node of a cluster its own files.
 */
public final class NatsServerProcess implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final String extraConfig;
  private Process process;

  private NatsServerProcess(Path dir, int port, String extraConfig) {
    this.dir = dir.toAbsolutePath(); // the process runs in dir: relative paths would resolve twice
    this.port = port;
    this.extraConfig = extraConfig;
  }

  /** Starts a plain JetStream server (no auth) in a fresh temporary directory. */
  public static NatsServerProcess startJetStream() {
    return start(tempDir(), FreePorts.next(), "");
  }

  /**
   * Starts a server in {@code dir} on {@code port}, with {@code extraConfig} appended to its config
   * (for example {@code operator:}, {@code resolver:} or {@code cluster:} blocks).
   */
  public static NatsServerProcess start(Path dir, int port, String extraConfig) {
    NatsServerProcess server = new NatsServerProcess(dir, port, extraConfig);
    server.start();
    return server;
  }

  /** A fresh temporary directory for a server's config and store. */
  public static Path tempDir() {
    try {
      return Files.createTempDirectory("nats-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the process (again) and waits until it accepts connections. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path conf = dir.resolve("nats.conf");
      Files.writeString(conf, config());
      List<String> command = new ArrayList<>(List.of(NatsServerBinary.find().toString(), "-c"));
      command.add(conf.toString());
      process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("nats.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start nats-server in " + dir, e);
    }
    awaitPort(Duration.ofSeconds(20));
  }

  private String config() {
    String store = dir.resolve("jetstream").toString().replace("\\", "/");
    return """
        listen: "127.0.0.1:%d"
        server_name: "%s"
        jetstream { store_dir: "%s" }
        %s
        """
        .formatted(port, serverName(), store, extraConfig);
  }

  private void awaitPort(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "nats-server exited with " + process.exitValue() + "; see " + dir.resolve("nats.log"));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(20);
      }
    }
    throw new IllegalStateException("nats-server did not listen on port " + port + " in time");
  }

  /** Kills the process with SIGKILL, as a crash would, and waits until it is gone. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitFor();
    }
  }

  /** Stops the process gracefully (SIGTERM). */
  public synchronized void stop() {
    if (process != null) {
      process.destroy();
      waitFor();
    }
  }

  private void waitFor() {
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the process is alive. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The client URL, {@code nats://127.0.0.1:PORT}. */
  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  /** The {@code server_name}, unique per port; cluster replies and JetStream peers carry it. */
  public String serverName() {
    return "test-" + port;
  }

  /** The client port. */
  public int port() {
    return port;
  }

  /** The directory holding the config, the log and the JetStream store. */
  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    stop();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
