package dev.gamingapi.agent.outlet.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.agent.outlet.CommandOutlet;
import dev.gamingapi.agent.outlet.HttpPollSettings;
import dev.gamingapi.agent.outlet.OutletException;
import dev.gamingapi.agent.outlet.internal.CommandDocument;
import dev.gamingapi.agent.outlet.internal.Durations;
import dev.gamingapi.sdk.ReceivedCommand;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Commands the game server fetches over HTTP on loopback (see {@link PollServer} for the two
 * routes): {@link #run} offers the command, then waits until the game server posts its result, for
 * at most {@link HttpPollSettings#resultTimeout()}.
 *
 * <p>A command not fetched in time is withdrawn, so a game server that comes back later never runs
 * a command whose delivery already failed (the receiver's retry offers it again). A command fetched
 * but not answered in time fails; a late result for it still counts if the retry is waiting by
 * then.
 */
public final class HttpPollOutlet implements CommandOutlet {
  private final HttpPollSettings settings;
  private final BlockingDeque<Pending> offered = new LinkedBlockingDeque<>();
  private final Map<String, Pending> fetched = new ConcurrentHashMap<>();
  private final PollServer server;
  private volatile boolean closed;

  private HttpPollOutlet(HttpPollSettings settings) {
    this.settings = settings;
    this.server = PollServer.start(settings.port(), this);
  }

  /**
   * Starts serving on {@code 127.0.0.1} and the settings' port.
   *
   * @throws OutletException when the port cannot be bound
   */
  public static HttpPollOutlet open(HttpPollSettings settings) {
    return new HttpPollOutlet(Objects.requireNonNull(settings, "settings"));
  }

  /** The port served on (useful when the settings asked for any free one). */
  public int port() {
    return server.port();
  }

  @Override
  public Set<String> commandNames() {
    return settings.commands();
  }

  @Override
  public JsonNode run(ReceivedCommand command) throws InterruptedException {
    if (closed) {
      throw new OutletException("the HTTP outlet on port " + port() + " is closed");
    }
    Pending pending = new Pending(CommandDocument.of(command), new CompletableFuture<>());
    offered.add(pending);
    Duration timeout = settings.resultTimeout();
    try {
      return pending.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (offered.remove(pending)) {
        throw new OutletException(
            "no game server fetched command "
                + command.id()
                + " from GET http://127.0.0.1:"
                + port()
                + "/commands/next within "
                + Durations.describe(timeout));
      }
      throw new OutletException(
          "the game server fetched command "
              + command.id()
              + " but posted no result within "
              + Durations.describe(timeout));
    } catch (ExecutionException e) {
      throw e.getCause() instanceof OutletException failure
          ? failure
          : new OutletException("command " + command.id() + " failed: " + e.getCause(), e);
    } finally {
      offered.remove(pending);
      fetched.remove(command.id(), pending);
    }
  }

  /** The next offered command, waiting up to {@code wait}; null when none came. */
  Pending next(Duration wait) throws InterruptedException {
    Pending pending = offered.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (pending != null) {
      fetched.put(pending.document().id(), pending);
    }
    return pending;
  }

  /** Puts back a command whose answer to the poller could not be written. */
  void putBack(Pending pending) {
    if (fetched.remove(pending.document().id(), pending) && !pending.result().isDone()) {
      offered.addFirst(pending);
    }
  }

  /** Completes the fetched command {@code id}; false when no such command waits for a result. */
  boolean complete(String id, boolean ok, JsonNode output, String error) {
    Pending pending = fetched.get(id);
    if (pending == null) {
      return false;
    }
    if (ok) {
      return pending.result().complete(output);
    }
    String reason = error == null || error.isBlank() ? "no reason given" : error;
    return pending
        .result()
        .completeExceptionally(new OutletException("the game server failed it: " + reason));
  }

  /** Stops serving; commands waiting for a result fail. */
  @Override
  public void close() {
    closed = true;
    server.stop();
    OutletException gone = new OutletException("the HTTP outlet was closed");
    offered.forEach(pending -> pending.result().completeExceptionally(gone));
    fetched.values().forEach(pending -> pending.result().completeExceptionally(gone));
  }

  /** A command offered to the game server and its result to come. */
  record Pending(CommandDocument document, CompletableFuture<JsonNode> result) {}
}
