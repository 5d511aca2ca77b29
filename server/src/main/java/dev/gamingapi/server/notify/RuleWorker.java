package dev.gamingapi.server.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events of one rule, one at a time in arrival order, on a thread of its own: a rule
 * whose endpoint is down holds back only its own events. Each event is retried (exponential backoff
 * with jitter; a 429's wait honoured) until it is delivered, refused for good (a 4xx), or the rule
 * has been failing longer than the pause time, which pauses it. Then the event's future completes,
 * which lets the tenant's consumer ack it once every rule is done.
 */
final class RuleWorker {
  private static final Logger LOG = LoggerFactory.getLogger(RuleWorker.class);

  /** One event to deliver; {@code done} completes when the rule is finished with it. */
  record Job(NotifyEvent event, CompletableFuture<Void> done) {}

  private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final Sender sender;
  private final RuleStore store;
  private final DeliveryLog log;
  private final DeliveryCounts counts;
  private final NotifyConfig config;
  private final Thread thread;
  private volatile Rule rule;
  private volatile boolean stopped;
  private volatile Job current;
  private long lastSeq;
  private Instant failingSince;
  private Instant pausedAt;
  private String pausedReason;
  private final RateWindow rate = new RateWindow();
  private final Clock clock;

  RuleWorker(
      Rule rule,
      Sender sender,
      RuleStore store,
      DeliveryLog log,
      DeliveryCounts counts,
      NotifyConfig config,
      Clock clock) {
    this.clock = clock;
    this.sender = sender;
    this.store = store;
    this.log = log;
    this.counts = counts;
    this.config = config;
    adopt(rule);
    this.thread = Thread.ofVirtual().name("notify-" + rule.id()).start(this::run);
  }

  /** Takes the rule as saved (a PATCH, a resume); keeps the sequence this worker reached. */
  synchronized void adopt(Rule saved) {
    this.rule = saved;
    this.lastSeq = Math.max(lastSeq, saved.lastSeq());
    this.failingSince = saved.failingSince();
    this.pausedAt = saved.pausedAt();
    this.pausedReason = saved.pausedReason();
  }

  /** Whether the rule fires on {@code event} now. */
  boolean wants(NotifyEvent event) {
    Rule current = rule;
    return !stopped && !current.paused() && current.matches(event.type(), event.server());
  }

  CompletableFuture<Void> submit(NotifyEvent event) {
    Job job = new Job(event, new CompletableFuture<>());
    queue.add(job);
    return job.done();
  }

  /**
   * Stops after the current attempt. Queued events are left incomplete, so their messages are not
   * acked and come back after a restart; {@code completeQueued} (the rule was deleted) completes
   * them instead, so that they are acked.
   */
  void stop(boolean completeQueued) {
    stopped = true;
    thread.interrupt();
    if (completeQueued) {
      Job busy = current;
      if (busy != null) {
        busy.done().complete(null);
      }
      Job job;
      while ((job = queue.poll()) != null) {
        job.done().complete(null);
      }
    }
  }

  private void run() {
    while (!stopped) {
      Job job;
      try {
        job = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      current = job;
      while (!stopped) {
        try {
          if (deliver(job.event())) {
            job.done().complete(null);
          }
          break;
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          // A database error, say: the same event again after a pause, never the next one first
          // (the order per rule holds; at worst the endpoint sees this event twice).
          LOG.error("notification rule {}: {}; retrying", rule.id(), e.toString());
          try {
            Thread.sleep(config.backoffMax().toMillis());
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }
  }

  /** True when the rule is done with {@code event}; false when stopped halfway. */
  private boolean deliver(NotifyEvent event) throws InterruptedException {
    long seq = event.seq();
    synchronized (this) {
      if (pausedAt != null || (seq > 0 && seq <= lastSeq)) {
        return true; // paused: not delivered; already handled before a restart: not again
      }
    }
    for (int attempt = 1; !stopped; attempt++) {
      throttle();
      Sender.Result result = sender.send(rule, event);
      Instant now = clock.instant();
      synchronized (this) {
        if (result.delivered()) {
          failingSince = null;
          finish(event, attempt, "delivered", result);
          return true;
        }
        if (failingSince == null) {
          failingSince = now;
        }
        boolean tooLong = Duration.between(failingSince, now).compareTo(config.pauseAfter()) >= 0;
        if (result.permanent() || tooLong) {
          if (tooLong) {
            pausedAt = now;
            pausedReason = "failing since " + failingSince + ", longer than " + config.pauseAfter();
            LOG.warn("notification rule {} paused: {}", rule.id(), pausedReason);
          }
          finish(event, attempt, "given_up", result);
          return true;
        }
        log.record(rule.id(), event, attempt, "failed", status(result), result.excerpt());
        counts.attempt(rule, "failed");
        store.state(rule.id(), failingSince, pausedAt, pausedReason, lastSeq);
      }
      Thread.sleep(wait(attempt, result).toMillis());
      synchronized (this) {
        if (pausedAt != null) {
          return true; // paused by a user meanwhile
        }
      }
    }
    return false;
  }

  private void finish(NotifyEvent event, int attempt, String outcome, Sender.Result result) {
    if (event.seq() > 0) {
      lastSeq = Math.max(lastSeq, event.seq());
    }
    log.record(rule.id(), event, attempt, outcome, status(result), result.excerpt());
    counts.attempt(rule, outcome);
    store.state(rule.id(), failingSince, pausedAt, pausedReason, lastSeq);
  }

  /**
   * The wait before the next attempt: the endpoint's own {@code retry_after} when it gave one (at
   * most the pause time, so that a hostile endpoint cannot park the rule forever), else {@code base
   * * 2^(attempt-1)} up to the maximum, of which a random half is taken off (jitter: many rules
   * failing at once do not retry in step).
   */
  Duration wait(int attempt, Sender.Result result) {
    if (result.retryAfter() != null && !result.retryAfter().isZero()) {
      Duration asked = result.retryAfter();
      return asked.compareTo(config.pauseAfter()) > 0 ? config.pauseAfter() : asked;
    }
    long base = config.backoffBase().toMillis();
    long max = config.backoffMax().toMillis();
    long backoff = attempt >= 40 ? max : Math.min(max, base << Math.min(attempt - 1, 30));
    return Duration.ofMillis(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
  }

  /** Waits until the rule's per-minute rate allows another request. */
  private void throttle() throws InterruptedException {
    long wait = rate.acquire(clock.millis(), rule.ratePerMinute());
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private static Integer status(Sender.Result result) {
    return result.status() == 0 ? null : result.status();
  }
}
