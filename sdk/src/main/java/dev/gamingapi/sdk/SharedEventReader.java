package dev.gamingapi.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.sdk.rest.RestClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what another account shares with yours: {@link #replay} from any position, {@link
 * #subscribe} to what comes. Over the platform's REST API, with an owner's token of your account:
 * the platform reads the sharing account's log within the share's servers, as NATS gives a grantee
 * only the live {@code shared.<account>.>} subjects and no way into the other account's stream.
 *
 * <pre>{@code
 * try (SharedEventReader shared =
 *     SharedEventReader.connect("http://127.0.0.1:8080", token, "statsco", "acme")) {
 *   for (StoredEvent event : shared.replay(ReadRequest.fromStart(EventFilter.ALL))) {
 *     System.out.println(event.sequence() + " " + event.serverId() + " " + event.type());
 *   }
 * }
 * }</pre>
 *
 * <p>Sequences are positions in the sharing account's log. When the share is deleted, a replay
 * throws {@link ResourceNotFoundException} and a subscription ends, telling its {@code onEnd}.
 */
public final class SharedEventReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SharedEventReader.class);
  private static final int PAGE = 1000;

  /** The wait before a dropped stream is opened again. */
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final RestClient rest;
  private final boolean ownsClient;
  private final String path;

  private SharedEventReader(RestClient rest, boolean ownsClient, String account, String sharedBy) {
    this.rest = rest;
    this.ownsClient = ownsClient;
    this.path =
        RestClient.path(
            "accounts",
            Objects.requireNonNull(account, "account"),
            "shared",
            Objects.requireNonNull(sharedBy, "sharedBy"),
            "events");
  }

  /**
   * A reader of what {@code sharedBy} shares with {@code account}, for an owner's {@code token} of
   * {@code account} (or the operator's). Nothing is asked until the first read.
   */
  public static SharedEventReader connect(
      String apiUrl, String token, String account, String sharedBy) {
    RestClient rest = RestClient.builder().url(apiUrl).token(token).build();
    return new SharedEventReader(rest, true, account, sharedBy);
  }

  /** A reader through {@code rest}, which it uses but does not close. */
  public static SharedEventReader over(RestClient rest, String account, String sharedBy) {
    return new SharedEventReader(Objects.requireNonNull(rest, "rest"), false, account, sharedBy);
  }

  /**
   * The selected shared events stored now, in log order, read page by page as the iteration goes.
   *
   * @throws ResourceNotFoundException (from the iteration) when nothing is shared, or no more
   * @throws NotPermittedException when the token is not an owner's of the account
   */
  public Iterable<StoredEvent> replay(ReadRequest request) {
    Objects.requireNonNull(request, "request");
    return () -> new Pages(request);
  }

  /**
   * Delivers the selected shared events from the requested position on, then new ones, to {@code
   * handler} on one thread in log order; a dropped connection is opened again after the last
   * delivered event, with no gap and no repeat. Delivery ends when the platform refuses the stream
   * (the share deleted, the token revoked): {@code onEnd} is told why, once.
   */
  public Subscription subscribe(
      ReadRequest request, Consumer<StoredEvent> handler, Consumer<GamingApiException> onEnd) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(onEnd, "onEnd");
    SharedStream stream = new SharedStream(request, handler, onEnd);
    Thread thread = Thread.ofVirtual().name("gamingapi-shared-events").start(stream::run);
    return new Subscription(
        () -> {
          stream.closed = true;
          stream.closeBody();
          thread.interrupt();
        },
        () -> stream.last);
  }

  /** The query of {@code request}, starting after {@code after} when it is above 0. */
  private static String query(ReadRequest request, String positionName, long after) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    EventFilter filter = request.filter();
    add(query, "server", filter.serverId());
    add(query, "player", filter.playerId());
    add(query, "type", filter.type());
    if (after > 0) {
      query.add(positionName + "=" + after);
    } else if (request.fromTime() != null) {
      query.add("since=" + RestClient.query(request.fromTime().toString()));
    }
    return query.toString();
  }

  private static void add(StringJoiner query, String name, String value) {
    if (value != null) {
      query.add(name + "=" + RestClient.query(value));
    }
  }

  private static long start(ReadRequest request) {
    return request.fromSequence() > 0 ? request.fromSequence() - 1 : 0;
  }

  /** The pages of a replay, fetched one at a time. */
  private final class Pages implements Iterator<StoredEvent> {
    private final ReadRequest request;
    private final ArrayDeque<StoredEvent> ready = new ArrayDeque<>();
    private long after;
    private boolean more = true;

    Pages(ReadRequest request) {
      this.request = request;
      this.after = start(request);
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && more) {
        String query = query(request, "cursor", after);
        JsonNode page = rest.get(path + query + (query.isEmpty() ? "?" : "&") + "limit=" + PAGE);
        page.path("items").forEach(item -> ready.add(RestEvents.stored(item)));
        JsonNode next = page.path("next_cursor");
        more = next.isTextual();
        if (more) {
          after = Long.parseLong(next.asText());
        }
      }
      return !ready.isEmpty();
    }

    @Override
    public StoredEvent next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }
  }

  /** One subscription's server-sent events, read on a thread of its own. */
  private final class SharedStream {
    private final ReadRequest request;
    private final Consumer<StoredEvent> handler;
    private final Consumer<GamingApiException> onEnd;
    volatile boolean closed;
    volatile long last;
    private volatile InputStream body;

    SharedStream(
        ReadRequest request, Consumer<StoredEvent> handler, Consumer<GamingApiException> onEnd) {
      this.request = request;
      this.handler = handler;
      this.onEnd = onEnd;
      this.last = start(request);
    }

    void run() {
      while (!closed) {
        try {
          follow();
        } catch (NotPermittedException | ResourceNotFoundException refused) {
          // For good: the token or the share is gone. Anything else (a 503 while the broker
          // restarts, a dropped connection) is tried again.
          if (!closed) {
            closed = true;
            onEnd.accept(refused);
          }
          return;
        } catch (IOException | RuntimeException dropped) { // ApiProblemException included
          LOG.debug("shared events stream dropped: {}", dropped.toString());
        }
        if (!closed) {
          try {
            Thread.sleep(RETRY); // the platform may be restarting: try again, from the last event
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }

    /** Reads one connection's events until it ends. */
    private void follow() throws IOException {
      body = rest.events(path + "/stream" + query(request, "after", last));
      if (closed) {
        closeBody();
        return;
      }
      RestEvents.readStream(
          body,
          data -> {
            StoredEvent event = RestEvents.stored(RestEvents.parse(data));
            if (event.sequence() <= last) {
              return;
            }
            last = event.sequence();
            try {
              handler.accept(event);
            } catch (RuntimeException e) {
              LOG.warn(
                  "event handler failed on sequence {}: {}", event.sequence(), e.toString(), e);
            }
          });
      if (!closed) {
        // The platform ends a stream whose right is gone: ask again, to be told why.
        LOG.debug("shared events stream ended after sequence {}", last);
      }
    }

    void closeBody() {
      InputStream open = body;
      if (open != null) {
        try {
          open.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
  }

  /** Closes the REST client this reader made; open subscriptions end with it. */
  @Override
  public void close() {
    if (ownsClient) {
      rest.close();
    }
  }
}
