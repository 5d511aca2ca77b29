package dev.gamingapi.server.broker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A supervised {@code nats-server} child process in operator mode.
 *
 * <p>When the child dies without being asked to (a crash, an OOM kill, a stray SIGKILL), it is
 * started again on the same port and store, with a growing delay between attempts so that a broken
 * config does not spin the CPU. Clients with reconnects enabled carry on.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

  /**
   * How long nats-server may write nothing to its log before it counts as stuck while it gets
   * ready. It restores every stream before it listens, logging a line for each: 13 s for 6,000
   * streams (3,000 tenants), 179 s for 20,000 (10,000 tenants) on a 2-core machine, so a fixed
   * limit was either too short for a big store or far too long for a stuck one. One that exits
   * fails at once.
   */
  private static final Duration READY_STALL = Duration.ofSeconds(60);

  /** How often a start that takes long says how far nats-server got. */
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Duration STABLE_AFTER = Duration.ofSeconds(30);
  // What nats-server 2.9 logs once it listens and has started JetStream.
  private static final String READY_LINE = "Server is ready";
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final BrokerConfig config;
  private final Path executable;
  private final ScheduledExecutorService supervisor;
  private final Thread shutdownHook;
  private final boolean keep;
  private ProcessHandle process;
  private Process spawned; // the child this platform started (null when it adopted one): exit codes
  private long startedAtNanos;
  private Duration backoff = FIRST_BACKOFF;
  private int restarts;
  private boolean closing;
  private final CountDownLatch closed = new CountDownLatch(1);

  private EmbeddedBroker(BrokerConfig config, Path executable, boolean keep) {
    this.config = config;
    this.executable = executable;
    this.keep = keep;
    this.supervisor =
        Executors.newSingleThreadScheduledExecutor(
            runnable ->
                Thread.ofPlatform().name("nats-server-supervisor").daemon().unstarted(runnable));
    // A JVM that exits without closing the platform must not leave an orphan broker holding the
    // port and the store lock.
    // It gives close() a moment first: shutdown hooks run together, and the platform's own hook
    // is closing the connections, which would log the broker's death as connection failures.
    this.shutdownHook = new Thread(this::destroyUnlessClosed, "nats-server-shutdown");
  }

  /**
   * Writes the config file, starts the child and waits until it accepts connections.
   *
   * @throws BrokerException if it does not start
   */
  public static EmbeddedBroker start(BrokerConfig config, Path executable) {
    return start(config, executable, false);
  }

  /**
   * As {@link #start(BrokerConfig, Path)}, and with {@code keep}: the broker outlives the platform.
   * {@link #close} leaves it running and no shutdown hook stops it, and a start finding the one the
   * last platform left (same config, listening) adopts it instead of stopping it: nats-server
   * restores every stream before it listens (179 s for 20,000 streams), which a platform restart
   * then skips.
   *
   * @throws BrokerException if it does not start
   */
  public static EmbeddedBroker start(BrokerConfig config, Path executable, boolean keep) {
    EmbeddedBroker broker = new EmbeddedBroker(config, executable, keep);
    if (keep) {
      Optional<ProcessHandle> running = OrphanBroker.adoptable(config);
      if (running.isPresent()) {
        broker.adopt(running.get());
        return broker;
      }
    }
    OrphanBroker.stop(config.pidFile());
    try {
      Files.createDirectories(config.natsDir());
      Files.writeString(config.configFile(), config.render());
    } catch (IOException e) {
      throw new BrokerException("cannot write " + config.configFile(), e);
    }
    if (!keep) {
      Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
    }
    try {
      broker.spawn();
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  private synchronized void spawn() {
    requirePortFree();
    ownerOnlyLog();
    long logStart = logSize();
    try {
      spawned =
          new ProcessBuilder(command())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(config.logFile().toFile()))
              .start();
    } catch (IOException e) {
      throw new BrokerException("cannot run " + executable, e);
    }
    ProcessHandle watched = supervise(spawned.toHandle());
    awaitReady(watched, logStart);
    LOG.info("nats-server (pid {}) listening on {}", watched.pid(), config.url());
  }

  private synchronized void adopt(ProcessHandle running) {
    supervise(running);
    LOG.info(
        "nats-server (pid {}) left running by the last platform adopted, listening on {}",
        running.pid(),
        config.url());
  }

  private ProcessHandle supervise(ProcessHandle watched) {
    process = watched;
    startedAtNanos = System.nanoTime();
    watched.onExit().thenRun(() -> supervisor.execute(() -> onExit(watched)));
    return watched;
  }

  /**
   * nats-server in a session of its own where setsid(1) exists: Ctrl+C in a terminal signals the
   * whole foreground process group, and the broker then died under the platform, which logged every
   * connection's loss and restarted it while shutting down. The platform stops it in order. setsid
   * and sh exec in place (the JVM's child leads no group), so the pid is the broker's.
   */
  private List<String> command() {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    // umask 077: the store, the resolver's JWTs and the log the child writes are its owner's only
    // (nats-server makes them 0640 and 0750); exec keeps the pid.
    command.addAll(
        List.of(
            "/bin/sh",
            "-c",
            "umask 077 && exec \"$0\" \"$@\"",
            executable.toString(),
            "-c",
            config.configFile().toString()));
    return command;
  }

  /**
   * Fails at once when something already listens on the client port: nats-server would die on bind
   * while whatever holds the port (another platform's broker, say) answered the readiness check,
   * and the platform would then talk to that one.
   */
  private void requirePortFree() {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true); // as nats-server binds: a port in TIME_WAIT is free
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()));
    } catch (BindException e) {
      throw portInUse();
    } catch (IOException e) {
      throw new BrokerException("cannot check port " + config.port() + ": " + e.getMessage(), e);
    }
  }

  private BrokerException portInUse() {
    return new BrokerException(
        "the broker port "
            + config.port()
            + " is already in use on 127.0.0.1 (another broker or platform?): stop what listens"
            + " there or choose another port (--nats-port, GAMINGAPI_NATS_PORT; 0 = any free"
            + " port)");
  }

  /**
   * Waits until this child, not just anything on the port, is ready: its own log says so, and the
   * port accepts connections.
   */
  private void awaitReady(ProcessHandle child, long logStart) {
    LogFollower log = new LogFollower(config.logFile(), logStart, READY_LINE);
    long progressAt = System.nanoTime();
    long reportAt = progressAt + PROGRESS_EVERY.toNanos();
    long position = log.position();
    while (System.nanoTime() - progressAt < READY_STALL.toNanos()) {
      if (!child.isAlive()) {
        if (logSince(logStart).contains("address already in use")) {
          throw portInUse();
        }
        throw new BrokerException(
            "nats-server exited with code " + exitCode(child) + "; see " + config.logFile());
      }
      if (log.seen()) {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("127.0.0.1", config.port()), 200);
          return;
        } catch (IOException notYet) {
          // ready by its log, and soon by its port
        }
      }
      if (log.position() != position) {
        position = log.position();
        progressAt = System.nanoTime();
      }
      if (System.nanoTime() > reportAt) {
        LOG.info("nats-server is starting: {} stream(s) restored so far", log.restored());
        reportAt = System.nanoTime() + PROGRESS_EVERY.toNanos();
      }
      sleep(Duration.ofMillis(25));
    }
    throw new BrokerException(
        "nats-server did not listen on port "
            + config.port()
            + " and wrote nothing to its log for "
            + READY_STALL
            + "; see "
            + config.logFile());
  }

  /** The log is created 0600 here: Java would create it with the umask of the platform. */
  private void ownerOnlyLog() {
    try {
      if (!Files.exists(config.logFile())
          && config.logFile().getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            config.logFile(),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
    } catch (IOException e) {
      throw new BrokerException("cannot create the broker's log " + config.logFile(), e);
    }
  }

  private long logSize() {
    try {
      return Files.exists(config.logFile()) ? Files.size(config.logFile()) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** What the broker logged from {@code offset} on (the log is appended to at every start). */
  /** At most 1 MiB of the log from {@code offset}: its first lines, where a failure is told. */
  private String logSince(long offset) {
    try (RandomAccessFile log = new RandomAccessFile(config.logFile().toFile(), "r")) {
      long length = log.length();
      if (length <= offset) {
        return "";
      }
      byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
      log.seek(offset);
      log.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private synchronized void onExit(ProcessHandle exited) {
    if (closing || exited != process) {
      return;
    }
    if (Duration.ofNanos(System.nanoTime() - startedAtNanos).compareTo(STABLE_AFTER) > 0) {
      backoff = FIRST_BACKOFF;
    }
    LOG.warn(
        "nats-server (pid {}) exited unexpectedly with code {}; restarting in {} ms (see {})",
        exited.pid(),
        exitCode(exited),
        backoff.toMillis(),
        config.logFile());
    scheduleRestart();
  }

  private void scheduleRestart() {
    supervisor.schedule(this::restart, backoff.toMillis(), TimeUnit.MILLISECONDS);
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }

  private synchronized void restart() {
    if (closing) {
      return;
    }
    ProcessHandle before = process;
    try {
      restarts++;
      spawn();
      LOG.info("nats-server restarted (restart #{})", restarts);
    } catch (BrokerException e) {
      LOG.error("nats-server restart failed: {}", e.getMessage());
      if (process == before) {
        scheduleRestart(); // no child was created, so no exit will trigger the next attempt
      } else if (process.isAlive()) {
        process.destroyForcibly(); // alive but deaf: its exit triggers the next attempt
      }
    }
  }

  /** The client URL of the broker. */
  public String url() {
    return config.url();
  }

  /** The config the broker runs with. */
  public BrokerConfig config() {
    return config;
  }

  /** The pid of the current child process. */
  public synchronized long pid() {
    return process.pid();
  }

  /**
   * The exit code of {@code exited} when this platform started it; "unknown" for an adopted one.
   */
  private String exitCode(ProcessHandle exited) {
    Process child = spawned;
    return child != null && child.pid() == exited.pid() && !child.isAlive()
        ? String.valueOf(child.exitValue())
        : "unknown";
  }

  /** Whether the current child is alive. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** How many times the supervisor restarted the child. */
  public synchronized int restarts() {
    return restarts;
  }

  /**
   * Stops the child gracefully (SIGTERM, then SIGKILL after 10 s) and stops supervising; a broker
   * kept for the next start ({@code keep}) is left running.
   */
  @Override
  public void close() {
    ProcessHandle child;
    synchronized (this) {
      closing = true;
      child = process;
    }
    supervisor.shutdownNow();
    if (keep && child != null && child.isAlive()) {
      LOG.info(
          "nats-server (pid {}) left running for the next start (GAMINGAPI_KEEP_BROKER)",
          child.pid());
    } else if (child != null && child.isAlive()) {
      child.destroy();
      if (!awaitExit(child, Duration.ofSeconds(10))) {
        LOG.warn("nats-server did not stop within 10 s; killing it");
        child.destroyForcibly();
        awaitExit(child, Duration.ofSeconds(5));
      }
    }
    closed.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run; nothing to remove.
    }
  }

  private void destroyUnlessClosed() {
    try {
      if (closed.await(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    destroyNow();
  }

  /** Whether {@code child} exited within {@code timeout}; an interrupt kills it and answers no. */
  private static boolean awaitExit(ProcessHandle child, Duration timeout) {
    try {
      child.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroyForcibly();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  private void destroyNow() {
    ProcessHandle child;
    synchronized (this) {
      closing = true;
      child = process;
    }
    if (child != null) {
      child.destroy();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException("interrupted while waiting for nats-server", e);
    }
  }
}
