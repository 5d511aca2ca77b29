package dev.gamingapi.bench;

import dev.gamingapi.agent.Agent;
import dev.gamingapi.agent.ServerRuntime;
import dev.gamingapi.agent.config.AgentConfig;
import dev.gamingapi.agent.status.Counter;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.testkit.FreePorts;
import io.nats.client.Connection;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of a fresh agent (its own state directory and journal, a fresh {@code EVENTS} stream)
 * with one {@code source-udp} input on loopback, fed by one sending thread.
 *
 * @param sent packets (one line each) sent
 * @param sendNanos how long the sending took
 * @param read lines the agent read (the rest the kernel dropped)
 * @param readNanos from the first packet sent to the last line read
 * @param journaled events the agent put into its journal
 * @param stored events in the stream at the end
 * @param storedNanos from the first packet sent until the broker had acknowledged every event
 * @param granted the receive buffer the kernel granted, in bytes, as the agent's status shows it
 * @param kernel the kernel's UDP drop counters over the run
 */
record AgentUdpPhase(
    long sent,
    long sendNanos,
    long read,
    long readNanos,
    long journaled,
    long stored,
    long storedNanos,
    String granted,
    UdpStats kernel) {
  static final String SECRET = "8675309";

  /** Idle time after which the agent is taken to have read all the kernel kept. */
  private static final long QUIET_NANOS = Duration.ofMillis(500).toNanos();

  /** How much a phase sends: for {@code duration}, at most {@code max} lines, at {@code rate}. */
  record Load(Duration duration, long rate, long max) {
    static Load flatOut(Duration duration) {
      return new Load(duration, 0, Long.MAX_VALUE);
    }

    static Load paced(Duration duration, long rate) {
      return new Load(duration, rate, Long.MAX_VALUE);
    }

    static Load burst(long lines) {
      return new Load(Duration.ofMinutes(1), 0, lines);
    }
  }

  double lineRate() {
    return Figures.rate((int) read, readNanos);
  }

  double eventRate() {
    return Figures.rate((int) stored, storedNanos);
  }

  long lost() {
    return sent - read;
  }

  double lostPercent() {
    return sent == 0 ? 0 : 100.0 * lost() / sent;
  }

  /**
   * Starts an agent asking for {@code receiveBuffer} bytes, sends {@code load}, waits until the
   * agent has read all it will and the broker acknowledged every event, and stops the agent.
   */
  static AgentUdpPhase run(
      Connection connection, String url, List<byte[]> packets, Load load, int receiveBuffer)
      throws Exception {
    BenchEvents.recreateStream(connection);
    Path dir = Files.createTempDirectory("bench-agent-udp-");
    Files.writeString(dir.resolve("logsecret"), SECRET + "\n");
    int port = FreePorts.next();
    Path config =
        Files.writeString(
            dir.resolve("agent.yaml"),
            """
            state_dir: state
            status: { port: 0 }
            servers:
              - id: %s
                url: %s
                inputs:
                  - type: source-udp
                    bind: 127.0.0.1
                    port: %d
                    secret_file: logsecret
                    receive_buffer: %d
                    timezone: UTC
                    actions:
                      Planted_The_Bomb: { stat: bomb_plants }
            """
                .formatted(BenchEvents.SERVER, url, port, receiveBuffer));
    try {
      return run(connection, config, packets, load, port);
    } finally {
      try (var paths = Files.walk(dir)) { // journals of some MB a phase, eight phases a run
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static AgentUdpPhase run(
      Connection connection, Path config, List<byte[]> packets, Load load, int port)
      throws Exception {
    try (Agent agent = Agent.start(AgentConfig.load(config))) {
      ServerRuntime runtime = agent.server(BenchEvents.SERVER).orElseThrow();
      UdpStats before = UdpStats.now();
      long start = System.nanoTime();
      long sent = send(packets, port, load);
      long sendNanos = System.nanoTime() - start;
      long read = 0;
      long readAt = start;
      long ackedAt = 0;
      while (true) {
        long now = System.nanoTime();
        long nowRead = runtime.counters().get(Counter.LINES_READ);
        if (nowRead != read) {
          read = nowRead;
          readAt = now;
          ackedAt = 0;
        } else if (ackedAt == 0 && runtime.client().pending() == 0) {
          ackedAt = now;
        }
        if (ackedAt != 0 && now - readAt > QUIET_NANOS) {
          break;
        }
        LockSupport.parkNanos(2_000_000);
      }
      UdpStats kernel = UdpStats.now().since(before);
      runtime.client().flush(Duration.ofMinutes(1)); // nothing is left; a check, not a wait
      long stored =
          connection
              .jetStreamManagement()
              .getStreamInfo(Subjects.EVENT_STREAM)
              .getStreamState()
              .getMsgCount();
      return new AgentUdpPhase(
          sent,
          sendNanos,
          read,
          readAt - start,
          runtime.counters().get(Counter.EVENTS_PUBLISHED),
          stored,
          ackedAt - start,
          runtime.counters().notes().getOrDefault("source-udp-0.receive_buffer", "?"),
          kernel);
    }
  }

  private static long send(List<byte[]> packets, int port, Load load) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    List<DatagramPacket> datagrams = new ArrayList<>(packets.size());
    for (byte[] packet : packets) {
      datagrams.add(new DatagramPacket(packet, packet.length, loopback, port));
    }
    long sent = 0;
    try (DatagramSocket socket = new DatagramSocket()) {
      long start = System.nanoTime();
      long end = start + load.duration().toNanos();
      long now;
      while ((now = System.nanoTime()) < end && sent < load.max()) {
        long due = load.rate() == 0 ? load.max() : (now - start) * load.rate() / 1_000_000_000L;
        if (sent >= due) {
          LockSupport.parkNanos(200_000);
          continue;
        }
        // Flat out: check the clock every 256 packets, not after each.
        long until = Math.min(due, sent + 256);
        while (sent < until) {
          socket.send(datagrams.get((int) (sent % datagrams.size())));
          sent++;
        }
      }
    }
    return sent;
  }
}
