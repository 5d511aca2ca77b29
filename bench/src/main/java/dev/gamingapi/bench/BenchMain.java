package dev.gamingapi.bench;

import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks and prints figures and ratios against raw jnats measured on the same run and
 * the same nats-server. Usage: {@code bench [ingest|replay|all] [--events N] [--window W]}.
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
  }
}
