package dev.gamingapi.bench;

import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.accounts.plans.PlanCatalog;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a tenant sees: how soon a new account is usable by a freshly created owner, and how soon a
 * plan change reaches the broker's limits for the account.
 */
final class TenantProbe {
  private static final String SUBJECT = Subjects.serverEvents("bench", "probe");
  private static final byte[] PAYLOAD = "{\"probe\":true}".getBytes(StandardCharsets.UTF_8);
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final String PROBE = "u00000";
  private static final int PLAN_CYCLES = 20;

  private final ControlApi api;
  private final String brokerUrl;

  TenantProbe(ControlApi api, String brokerUrl) {
    this.api = api;
    this.brokerUrl = brokerUrl;
  }

  /**
   * One account made usable, in nanoseconds from sending its POST: account created, owner created,
   * connected, first publish acknowledged by JetStream (after {@code retries} failed attempts).
   */
  record Usable(
      long account, long owner, long connected, long published, int retries, String creds) {}

  /** Creates {@code name} and its owner over REST, connects as the owner and publishes once. */
  Usable usable(String name, String plan) throws Exception {
    long start = System.nanoTime();
    ControlApi.Reply account = api.createAccount(name, plan);
    require(account, 201, "POST account " + name);
    long accountDone = System.nanoTime() - start;
    ControlApi.Reply owner = api.createOwner(name, "owner");
    require(owner, 201, "POST owner of " + name);
    long ownerDone = System.nanoTime() - start;
    String creds = owner.json().path("creds").asText();
    try (Connection connection = connect(creds)) {
      long connected = System.nanoTime() - start;
      int retries = 0;
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (true) {
        try {
          connection.jetStream().publish(SUBJECT, PAYLOAD);
          break;
        } catch (Exception e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("no successful publish in " + name + ": " + e, e);
          }
          retries++;
          Thread.sleep(1);
        }
      }
      return new Usable(
          accountDone, ownerDone, connected, System.nanoTime() - start, retries, creds);
    }
  }

  /**
   * Changes the plan of the probe account {@code u00000} (owner {@code creds}) from {@code plan} to
   * {@code other} and back, {@value #PLAN_CYCLES} times, and prints the latencies; a failed change
   * is printed and ends the cycles.
   */
  void planChanges(PlanCatalog plans, String creds, String plan, String other) throws Exception {
    long from = plans.find(plan).orElseThrow().streams();
    long to = plans.find(other).orElseThrow().streams();
    Latencies therePatch = new Latencies();
    Latencies thereApplied = new Latencies();
    Latencies backPatch = new Latencies();
    Latencies backApplied = new Latencies();
    try (Connection owner = connect(creds)) {
      JetStreamManagement jsm = owner.jetStreamManagement();
      for (int i = 0; i < PLAN_CYCLES; i++) {
        long[] there = changePlan(jsm, PROBE, other, to);
        therePatch.add(there[0]);
        thereApplied.add(there[1]);
        long[] back = changePlan(jsm, PROBE, plan, from);
        backPatch.add(back[0]);
        backApplied.add(back[1]);
      }
    } catch (IllegalStateException e) {
      System.out.println("  PLAN CHANGE FAILED: " + e.getMessage());
    }
    System.out.printf(
        "plan change (PATCH /accounts/%s; applied = its owner sees the new max streams, timed"
            + " from sending the PATCH):%n  %s -> %s: PATCH %s%n%s applied %s%n"
            + "  %s -> %s: PATCH %s%n%s applied %s%n",
        PROBE,
        plan,
        other,
        therePatch.summary(),
        " ".repeat(plan.length() + other.length() + 1),
        thereApplied.summary(),
        other,
        plan,
        backPatch.summary(),
        " ".repeat(plan.length() + other.length() + 1),
        backApplied.summary());
  }

  /**
   * Changes the plan of {@code account} to {@code plan} over REST while another thread polls the
   * account's JetStream limits (as the owner) until they show {@code streams}.
   *
   * @return {PATCH latency, time until the broker's limits showed the plan}, both from sending
   */
  private long[] changePlan(JetStreamManagement owner, String account, String plan, long streams)
      throws Exception {
    long start = System.nanoTime();
    CompletableFuture<Long> applied =
        CompletableFuture.supplyAsync(() -> pollUntil(owner, streams, start));
    ControlApi.Reply reply = api.changePlan(account, plan);
    require(reply, 200, "PATCH " + account + " to " + plan);
    return new long[] {reply.nanos(), applied.get(DEADLINE.toSeconds() + 1, TimeUnit.SECONDS)};
  }

  private static long pollUntil(JetStreamManagement owner, long streams, long start) {
    long deadline = start + DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (owner.getAccountStatistics().getLimits().getMaxStreams() == streams) {
          return System.nanoTime() - start;
        }
      } catch (Exception e) {
        // the account is being updated; ask again
      }
    }
    throw new IllegalStateException("the broker did not show max streams " + streams);
  }

  /** A connection as the user of {@code creds}, quiet on errors. */
  Connection connect(String creds) throws Exception {
    return Nats.connect(
        Options.builder()
            .server(brokerUrl)
            .authHandler(Nats.staticCredentials(creds.getBytes(StandardCharsets.UTF_8)))
            .connectionTimeout(Duration.ofSeconds(5))
            .errorListener(new ErrorListener() {})
            .build());
  }

  /** Publishes once as the user of {@code creds}; true when JetStream acknowledged. */
  boolean publishOnce(String creds) {
    try (Connection connection = connect(creds)) {
      connection.jetStream().publish(SUBJECT, PAYLOAD);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  static void require(ControlApi.Reply reply, int status, String what) {
    if (reply.status() != status) {
      throw new IllegalStateException(what + " answered " + reply.problem());
    }
  }
}
