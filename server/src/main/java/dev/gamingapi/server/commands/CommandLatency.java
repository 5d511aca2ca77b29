package dev.gamingapi.server.commands;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The histogram {@code gamingapi_command_duration_seconds{outcome}}: from a command's creation (its
 * POST) to the result its game server reported being recorded. Buckets are fixed, not per tenant: a
 * per-account histogram would cost a dozen series per tenant for a figure an operator reads across
 * the platform; the per-command history is in the commands table.
 */
final class CommandLatency {
  // A command that waits for an offline server can take hours: the last buckets are wide.
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofMinutes(30)
  };

  private final Clock clock;
  private volatile MeterRegistry metrics;

  CommandLatency(Clock clock) {
    this.clock = clock;
  }

  /** From now on records on {@code registry}. */
  void bind(MeterRegistry registry) {
    this.metrics = registry;
    for (CommandStatus status :
        new CommandStatus[] {
          CommandStatus.SUCCEEDED, CommandStatus.FAILED, CommandStatus.EXPIRED
        }) {
      timer(registry, status); // present at 0 before the first result, for rate() and alerts
    }
  }

  /** A command created at {@code created} ended {@code status} now. */
  void finished(CommandStatus status, Instant created) {
    MeterRegistry registry = metrics;
    if (registry == null) {
      return;
    }
    Duration took = Duration.between(created, clock.instant());
    timer(registry, status).record(took.isNegative() ? Duration.ZERO : took);
  }

  private static Timer timer(MeterRegistry registry, CommandStatus status) {
    return Timer.builder("gamingapi.command.duration")
        .description("from a command's creation to its result recorded, by outcome")
        .tag("outcome", status.wire())
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }
}
