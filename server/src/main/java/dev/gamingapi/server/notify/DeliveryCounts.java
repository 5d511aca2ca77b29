package dev.gamingapi.server.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counter {@code gamingapi_notification_attempts_total{account, kind, outcome}}: every delivery
 * attempt of a rule ({@code delivered}, {@code failed} and retried, {@code given_up}), as the
 * delivery log records it. Test sends (a user's button) are not counted: a user trying a broken URL
 * is not an incident. Per account, so that an alert names the tenant whose endpoint fails.
 */
final class DeliveryCounts {
  private volatile MeterRegistry metrics;

  /** From now on counts on {@code registry}. */
  void bind(MeterRegistry registry) {
    this.metrics = registry;
  }

  void attempt(Rule rule, String outcome) {
    MeterRegistry registry = metrics;
    if (registry == null) {
      return;
    }
    Counter.builder("gamingapi.notification.attempts")
        .description("notification delivery attempts by account, rule kind and outcome")
        .tag("account", rule.account())
        .tag("kind", rule.kind())
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }
}
