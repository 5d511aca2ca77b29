package dev.gamingapi.server.app;

import dev.gamingapi.server.accounts.Account;
import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.commands.Commands;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-tenant part of a start, run in the background once the REST API serves: each tenant's
 * streams brought to its plan (nothing changes when they match) and its command tracking opened, a
 * few tenants at a time. With a thousand tenants this was most of a 12 s start, during which
 * nothing was served; the tenants' JWTs are in the resolver before (game servers connect at once),
 * and a command sent to a tenant not reached yet opens it then. Progress: a log line every {@link
 * #REPORT} and the gauge {@code gamingapi_tenants_starting} (tenants left; 0 when done).
 */
final class TenantStartup implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TenantStartup.class);
  private static final int PARALLEL = 8;
  private static final Duration REPORT = Duration.ofSeconds(5);

  private final Accounts accounts;
  private final Commands commands;
  private final AtomicInteger left = new AtomicInteger();
  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private volatile boolean closed;

  TenantStartup(Accounts accounts, Commands commands, MeterRegistry metrics) {
    this.accounts = accounts;
    this.commands = commands;
    Gauge.builder("gamingapi_tenants_starting", left, AtomicInteger::get)
        .description("tenants whose start (streams, command tracking) is still to run")
        .register(metrics);
  }

  /** Starts every tenant existing now, in the background. */
  void start() {
    List<String> names = accounts.all().stream().map(Account::name).toList();
    left.set(names.size());
    Thread.ofVirtual().name("gamingapi-tenant-startup").start(() -> run(names));
  }

  private void run(List<String> names) {
    long begin = System.nanoTime();
    long reported = begin;
    Semaphore slots = new Semaphore(PARALLEL);
    try {
      for (String name : names) {
        slots.acquire();
        if (closed) {
          return;
        }
        try {
          work.execute(
              () -> {
                try {
                  startTenant(name);
                } finally {
                  left.decrementAndGet();
                  slots.release();
                }
              });
        } catch (RejectedExecutionException closing) {
          return;
        }
        if (System.nanoTime() - reported > REPORT.toNanos()) {
          reported = System.nanoTime();
          LOG.info("starting tenants: {} of {} done", names.size() - left.get(), names.size());
        }
      }
      slots.acquire(PARALLEL);
      LOG.info(
          "tenants started: {} in {} ms",
          names.size(),
          Duration.ofNanos(System.nanoTime() - begin).toMillis());
    } catch (InterruptedException e) {
      // closing
    }
  }

  private void startTenant(String name) {
    if (closed || !accounts.exists(name)) {
      return; // deleted since the list was read: its deletion stopped what it had
    }
    accounts.checkJwt(name);
    accounts.provision(name);
    commands.open(name);
  }

  /** Tenants whose start is still to run: 0 once every tenant existing at start was reached. */
  int left() {
    return left.get();
  }

  /** Stops starting tenants and waits for those under way. */
  @Override
  public void close() {
    closed = true;
    work.close(); // no new tenant; those under way (a few, each a few milliseconds) finish
  }
}
