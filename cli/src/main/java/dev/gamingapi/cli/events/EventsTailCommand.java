package dev.gamingapi.cli.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiConnection;
import dev.gamingapi.cli.api.ApiOptions;
import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.sdk.EventReader;
import dev.gamingapi.sdk.GamingApiException;
import dev.gamingapi.sdk.ReadRequest;
import dev.gamingapi.sdk.ReplayStream;
import dev.gamingapi.sdk.SharedEventReader;
import dev.gamingapi.sdk.StoredEvent;
import dev.gamingapi.sdk.Subscription;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
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
      "  gamingapi events tail --creds data/creds/owner.creds --server demo --since 1h --json",
      "  gamingapi events tail --shared acme --token-file statsco-owner.token --follow"
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

  @Option(
      names = "--shared",
      paramLabel = "ACCOUNT",
      description =
          "Read what ACCOUNT shares with your account, over the REST API: with an owner's API"
              + " token (--token, --token-file or $GAMINGAPI_TOKEN) instead of --creds.")
  String sharedBy;

  @Option(
      names = "--account",
      paramLabel = "ACCOUNT",
      description = "With --shared: the account shared with (default: the token's).")
  String account;

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description = "With --shared: REST API URL (default: $GAMINGAPI_URL, else the local `up`).")
  String apiUrl;

  @Option(names = "--token", paramLabel = "TOKEN", description = "With --shared: API token.")
  String token;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "With --shared: read the API token from FILE.")
  Path tokenFile;

  @Override
  public Integer call() throws InterruptedException {
    ReadRequest request = request(new EventFilter(serverId, playerId, type));
    if (sharedBy != null) {
      return tailShared(request);
    }
    CountDownLatch enough = new CountDownLatch(1);
    // Revoked or expired credentials end a follow too (the reader stops and says why), so the
    // tail exits non-zero with that reason rather than waiting on a reader that will never read.
    try (EventReader reader =
        EventReader.connect(
            broker.url(), broker.creds(spec.commandLine()), refused -> enough.countDown())) {
      if (!follow) {
        try (ReplayStream events = reader.replay(request)) {
          print(events);
        }
        return 0;
      }
      follow(enough, sink -> reader.subscribe(request, sink));
      reader
          .credentialsRefusal()
          .ifPresent(
              refused -> {
                throw refused;
              });
    }
    return 0;
  }

  /** The same over the REST API, for what another account shares. */
  private int tailShared(ReadRequest request) throws InterruptedException {
    if (broker.creds != null) {
      throw new IllegalArgumentException(
          "--shared reads over the REST API with an API token: give --token, not --creds");
    }
    try (ApiConnection api = ApiOptions.of(apiUrl, token, tokenFile).connect(spec.commandLine());
        SharedEventReader reader =
            SharedEventReader.over(api.client(), sharedWith(api), sharedBy)) {
      if (!follow) {
        print(reader.replay(request));
        return 0;
      }
      CountDownLatch enough = new CountDownLatch(1);
      AtomicReference<GamingApiException> ended = new AtomicReference<>();
      follow(
          enough,
          sink ->
              reader.subscribe(
                  request,
                  sink,
                  refused -> {
                    ended.set(refused);
                    enough.countDown();
                  }));
      if (ended.get() != null) {
        throw ended.get();
      }
    }
    return 0;
  }

  /** The account named by --account, else the token's own. */
  private String sharedWith(ApiConnection api) {
    if (account != null) {
      return account;
    }
    JsonNode whoami = api.client().get("/whoami");
    if (!whoami.hasNonNull("account")) {
      throw new IllegalArgumentException(
          "the operator's token belongs to no account: give --account with --shared");
    }
    return whoami.get("account").asText();
  }

  private void print(Iterable<StoredEvent> events) {
    PrintWriter out = spec.commandLine().getOut();
    EventPrinter printer = new EventPrinter(out, json);
    long printed = 0;
    for (StoredEvent event : events) {
      printer.print(event);
      if (count != null && ++printed >= count) {
        break;
      }
    }
    out.flush();
  }

  /**
   * Prints what {@code subscribe} delivers until --count events, Ctrl+C, or {@code enough} is
   * counted down by the reader itself.
   */
  private void follow(
      CountDownLatch enough, Function<Consumer<StoredEvent>, Subscription> subscribe)
      throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    EventPrinter printer = new EventPrinter(out, json);
    AtomicLong printed = new AtomicLong();
    Thread hook = new Thread(enough::countDown);
    Runtime.getRuntime().addShutdownHook(hook);
    try (Subscription subscription =
        subscribe.apply(
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
