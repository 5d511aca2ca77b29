package dev.gamingapi.bench;

import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks and prints figures: ingest and replay as ratios against raw jnats measured on
 * the same run and the same nats-server, the control plane as latencies, rates and memory. Usage:
 * {@code bench [ingest|replay|control|commands|history|cluster|agent-udp|agent-rcon|all]
 * [--ingest-events N] [--replay-events N] [--window W] [--rounds R] [--accounts N] [--plan P]
 * [--agent-seconds S] [--rcon-commands N]}.
 */
public final class BenchMain {
  private BenchMain() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    BenchArgs parsed = BenchArgs.parse(List.of(args));
    if (parsed.runs("ingest")) {
      new IngestBench(parsed).run();
    }
    if (parsed.runs("replay")) {
      new ReplayBench(parsed).run();
    }
    if (parsed.runs("control")) {
      new ControlBench(parsed).run();
    }
    if (parsed.runs("commands")) {
      new CommandBench().run();
    }
    if (parsed.runs("history")) {
      new HistoryBench(parsed).run();
    }
    if (parsed.runs("cluster")) {
      new ClusterBench(parsed).run();
    }
    if (parsed.runs("agent-udp")) {
      new AgentUdpBench(parsed).run();
    }
    if (parsed.runs("agent-rcon")) {
      new AgentRconBench(parsed).run();
    }
  }
}
