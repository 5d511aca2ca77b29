package dev.gamingapi.cli.events;

import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.sdk.EventReader;
import dev.gamingapi.sdk.ReadRequest;
import dev.gamingapi.sdk.ReplayStream;
import dev.gamingapi.sdk.StoredEvent;
import dev.gamingapi.sdk.Subscription;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gamingapi events tail}: replay the log from a position, and optionally follow it live. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = "Replay stored events and optionally follow new ones.",
    footer = {
      "",
      "Examples:",
      "  gamingapi events tail --creds data/creds/owner.creds --follow",
      "  gamingapi events tail --creds data/creds/owner.creds --server demo --since 1h --json"
    })
public final class EventsTailCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin BrokerOptions broker;

  @Option(names = "--server", description = "Only this server's events.")
  String serverId;

  @Option(names = "--player", description = "Only this player's events.")
  String playerId;

  @Option(
      names = "--type",
      description =
          "Only events of this type, e.g. player.connected, or of a family, e.g. player.*. An app's"
              + " credentials need a type or --player.")
  String type;

  @Option(names = "--from-seq", paramLabel = "SEQ", description = "Start at this stream sequence.")
  Long fromSequence;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "Start at an RFC 3339 time, or this long ago (15m, 2h, 7d).")
  String since;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep following new events until interrupted.")
  boolean follow;

  @Option(names = "--count", paramLabel = "N", description = "Stop after N events.")
  Long count;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    EventFilter filter = new EventFilter(serverId, playerId, type);
    ReadRequest request = request(filter);
    PrintWriter out = spec.commandLine().getOut();
    EventPrinter printer = new EventPrinter(out, json);
    AtomicLong printed = new AtomicLong();
    CountDownLatch enough = new CountDownLatch(1);
    // Revoked or expired credentials end a follow too (the reader stops and says why), so the
    // tail exits non-zero with that reason rather than waiting on a reader that will never read.
    try (EventReader reader =
        EventReader.connect(broker.url(), broker.creds, refused -> enough.countDown())) {
      if (!follow) {
        try (ReplayStream events = reader.replay(request)) {
          for (StoredEvent event : events) {
            printer.print(event);
            if (count != null && printed.incrementAndGet() >= count) {
              break;
            }
          }
        }
        out.flush();
        return 0;
      }
      Thread hook = new Thread(enough::countDown);
      Runtime.getRuntime().addShutdownHook(hook);
      try (Subscription subscription =
          reader.subscribe(
              request,
              event -> {
                if (enough.getCount() == 0) {
                  return;
                }
                printer.print(event);
                out.flush();
                if (count != null && printed.incrementAndGet() >= count) {
                  enough.countDown();
                }
              })) {
        enough.await();
      } finally {
        removeHook(hook);
      }
      out.flush();
      reader
          .credentialsRefusal()
          .ifPresent(
              refused -> {
                throw refused;
              });
    }
    return 0;
  }

  private ReadRequest request(EventFilter filter) {
    if (fromSequence != null && since != null) {
      throw new IllegalArgumentException("give --from-seq or --since, not both");
    }
    if (fromSequence != null) {
      if (fromSequence < 1) {
        throw new IllegalArgumentException("--from-seq must be 1 or more, got " + fromSequence);
      }
      return ReadRequest.fromSequence(filter, fromSequence);
    }
    if (since != null) {
      return ReadRequest.fromTime(filter, Durations.since("--since", since));
    }
    return ReadRequest.fromStart(filter);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting: nothing to remove
    }
  }
}
