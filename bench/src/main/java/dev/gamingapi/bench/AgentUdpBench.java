package dev.gamingapi.bench;

import dev.gamingapi.agent.config.ActionMapping;
import dev.gamingapi.agent.config.InputConfig.HlOptions;
import dev.gamingapi.agent.input.MappedLine;
import dev.gamingapi.agent.source.HlLogMapper;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.ScoreOperator;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many UDP log lines one agent parses and journals a second: one thread sends a Counter-Strike
 * log mix ({@link HlLineMix}) as Source log packets with {@code sv_logsecret} to an agent's {@code
 * source-udp} input on loopback, as fast as it can for {@code --agent-seconds}; the agent reads
 * what the kernel's socket buffer keeps, maps it and journals the events, which go to a real
 * nats-server. Printed: the lines sent and read (the difference is what the kernel dropped, also
 * shown from {@code /proc/net/snmp}), the rates, the receive buffer granted, and on the same broker
 * raw jnats {@code publishAsync} and the SDK's {@code publish} of the same events the mix maps to,
 * as many as the agent stored. Then the loss at half the agent's rate (a rate it keeps up with),
 * and of bursts sent at once into the agent's default buffer and into what it is granted where
 * {@code net.core.rmem_max} has Linux's default: why the agent asks for more and the guide says to
 * raise it.
 */
final class AgentUdpBench {
  /** The agent's default {@code receive_buffer}. */
  private static final int AGENT_BUFFER = 4 << 20;

  /**
   * Linux's default {@code net.core.rmem_max}: what the agent is granted, whatever it asks, on a
   * host where nobody raised it.
   */
  private static final int LINUX_DEFAULT_BUFFER = 212_992;

  private static final int DISTINCT_LINES = 20_000;

  /** Burst sizes: a busy round end is some hundred lines; the larger is far beyond any. */
  private static final List<Integer> BURSTS = List.of(1_000, 10_000);

  /** Raw and SDK publish at least this many events, so that their rates are not all warm-up. */
  private static final int MIN_PUBLISHED = 50_000;

  private final BenchArgs args;

  AgentUdpBench(BenchArgs args) {
    this.args = args;
  }

  void run() throws Exception {
    List<String> lines = HlLineMix.lines(DISTINCT_LINES);
    List<byte[]> packets =
        lines.stream().map(line -> HlLineMix.packet(AgentUdpPhase.SECRET, line)).toList();
    HlLogMapper mapper = mapper();
    List<EventData> mapped = mapped(mapper, lines);
    double parseRate = parseRate(mapper, lines);
    Duration duration = Duration.ofSeconds(args.agentSeconds());
    System.out.printf(
        "agent-udp: one agent, source-udp on loopback with sv_logsecret, a CS log mix (%d events"
            + " per 100 lines, ~%d bytes a packet), sent by one thread for %d s; raw jnats and SDK"
            + " publish as many of the same events as the agent stored (at least %,d), window %d%n",
        Math.round(100.0 * mapped.size() / lines.size()),
        packets.stream().mapToInt(p -> p.length).sum() / packets.size(),
        duration.toSeconds(),
        MIN_PUBLISHED,
        args.window());
    try (NatsServerProcess server = NatsServerProcess.startJetStream();
        Connection connection = BenchEvents.connect(server.url())) {
      String url = server.url();
      // Warm-up of the three paths (JIT, broker), not counted.
      AgentUdpPhase.run(
          connection, url, packets, AgentUdpPhase.Load.flatOut(Duration.ofSeconds(1)), 1 << 20);
      List<EventData> warmUp = cycle(mapped, 20_000);
      BenchEvents.publishRaw(
          connection, BenchEvents.messages(BenchEvents.encoded(warmUp)), args.window());
      BenchEvents.publishWithSdk(url, warmUp, args.window());

      AgentUdpPhase flatOut =
          AgentUdpPhase.run(
              connection, url, packets, AgentUdpPhase.Load.flatOut(duration), AGENT_BUFFER);
      List<EventData> events = cycle(mapped, (int) Math.max(MIN_PUBLISHED, flatOut.stored()));
      List<NatsMessage> messages = BenchEvents.messages(BenchEvents.encoded(events));
      double raw =
          Figures.rate(
              messages.size(), BenchEvents.publishRaw(connection, messages, args.window()));
      BenchEvents.recreateStream(connection);
      double sdk =
          Figures.rate(events.size(), BenchEvents.publishWithSdk(url, events, args.window()));
      BenchEvents.checkStored(connection, events.size());
      long halfRate = Math.max(1, Math.round(flatOut.lineRate() / 2));
      AgentUdpPhase half =
          AgentUdpPhase.run(
              connection, url, packets, AgentUdpPhase.Load.paced(duration, halfRate), AGENT_BUFFER);
      List<AgentUdpPhase> bursts = new ArrayList<>();
      for (int burst : BURSTS) {
        for (int buffer : List.of(AGENT_BUFFER, LINUX_DEFAULT_BUFFER)) {
          bursts.add(
              AgentUdpPhase.run(connection, url, packets, AgentUdpPhase.Load.burst(burst), buffer));
        }
      }
      report(flatOut, raw, sdk, parseRate, half, duration, bursts);
    }
  }

  private static void report(
      AgentUdpPhase flatOut,
      double raw,
      double sdk,
      double parseRate,
      AgentUdpPhase half,
      Duration duration,
      List<AgentUdpPhase> bursts) {
    System.out.printf(
        "  receive buffer: asked %,d bytes, granted %s (as Java reports it: half of the kernel's"
            + " SO_RCVBUF, which counts packet overhead too; capped by net.core.rmem_max = %s)%n",
        AGENT_BUFFER, flatOut.granted(), rmemMax());
    System.out.printf(
        "  flat out: sent %,d lines (%,.0f/s); the agent read %,d: %,.0f lines/s parsed and"
            + " journaled (the parser alone: %,.0f lines/s); the kernel dropped %,d (%.1f %%;"
            + " RcvbufErrors +%,d, InErrors +%,d)%n",
        flatOut.sent(),
        Figures.rate((int) flatOut.sent(), flatOut.sendNanos()),
        flatOut.read(),
        flatOut.lineRate(),
        parseRate,
        flatOut.lost(),
        flatOut.lostPercent(),
        flatOut.kernel().receiveBufferErrors(),
        flatOut.kernel().inErrors());
    System.out.printf(
        "  stored %,d events (journaled %,d), the last acknowledged %.2f s after the first"
            + " packet: %s%n",
        flatOut.stored(),
        flatOut.journaled(),
        flatOut.storedNanos() / 1e9,
        Figures.perSecond(flatOut.eventRate()));
    System.out.printf(
        "  same run, same events: raw jnats publishAsync+Msg-Id %s | SDK publish %s | agent %s"
            + " (%.2f of raw, %.2f of SDK)%n",
        Figures.perSecond(raw),
        Figures.perSecond(sdk),
        Figures.perSecond(flatOut.eventRate()),
        flatOut.eventRate() / raw,
        flatOut.eventRate() / sdk);
    System.out.printf(
        "  paced at %,d lines/s (half the agent's rate) for %d s: sent %,d, read %,d, lost %,d"
            + " (%.2f %%; RcvbufErrors +%,d)%n",
        Math.round(half.sent() / (half.sendNanos() / 1e9)),
        duration.toSeconds(),
        half.sent(),
        half.read(),
        half.lost(),
        half.lostPercent(),
        half.kernel().receiveBufferErrors());
    for (AgentUdpPhase phase : bursts) {
      System.out.printf(
          "  one burst of %,d lines at once (%,.0f/s), receive buffer %s%s: read %,d, lost %,d"
              + " (RcvbufErrors +%,d)%n",
          phase.sent(),
          Figures.rate((int) phase.sent(), phase.sendNanos()),
          phase.granted(),
          phase.granted().equals(Integer.toString(LINUX_DEFAULT_BUFFER))
              ? " (as granted where rmem_max is Linux's default)"
              : "",
          phase.read(),
          phase.lost(),
          phase.kernel().receiveBufferErrors());
    }
  }

  private static String rmemMax() {
    try {
      // readAllLines: procfs files claim size 0, and readString then stops after one read.
      return Files.readAllLines(Path.of("/proc/sys/net/core/rmem_max")).get(0).strip();
    } catch (IOException | IndexOutOfBoundsException e) {
      return "?";
    }
  }

  /** The agent's mapper for the mix, with the bomb plant as a stat, as the bench config has it. */
  private static HlLogMapper mapper() {
    return new HlLogMapper(
        new HlOptions(
            false,
            false,
            ZoneOffset.UTC,
            Map.of(
                "Planted_The_Bomb",
                new ActionMapping.Score("bomb_plants", 1, ScoreOperator.INCR))));
  }

  /** The events the agent makes of {@code lines}. */
  private static List<EventData> mapped(HlLogMapper mapper, List<String> lines) {
    List<EventData> events = new ArrayList<>();
    for (String line : lines) {
      if (mapper.map(line) instanceof MappedLine.Events mappedEvents) {
        events.addAll(mappedEvents.events());
      }
    }
    return events;
  }

  /** Lines a second the mapper alone parses on one thread, after as many passes to warm up. */
  private static double parseRate(HlLogMapper mapper, List<String> lines) {
    int passes = 10;
    long start = 0;
    int mappedLines = 0;
    for (int pass = 0; pass < 2 * passes; pass++) {
      if (pass == passes) {
        start = System.nanoTime();
      }
      for (String line : lines) {
        if (mapper.map(line) instanceof MappedLine.Events) {
          mappedLines++;
        }
      }
    }
    if (mappedLines == 0) {
      throw new IllegalStateException("the mix maps to no event");
    }
    return Figures.rate(passes * lines.size(), System.nanoTime() - start);
  }

  private static List<EventData> cycle(List<EventData> events, int count) {
    List<EventData> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(events.get(i % events.size()));
    }
    return out;
  }
}
