package dev.gamingapi.sdk.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.cloudevents.CloudEventHeaders;
import dev.gamingapi.sdk.EventExpiredException;
import dev.gamingapi.sdk.EventRejectedException;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the broker refused for good, and where they go.
 *
 * <p>nats-server answers a publish on a subject the credential may not use with an asynchronous
 * {@code -ERR 'Permissions Violation for Publish to "<subject>"'} and keeps the connection: the
 * JetStream acknowledgement never comes, so the sender used to time out, reconnect and re-send the
 * same event forever, holding up every later one. The error names only the subject, so it is
 * matched to the oldest unanswered publish on that subject (each refused publish gets its own
 * error, in order), whose future then fails with {@link Refused}; the sender moves that event to
 * {@value #FILE_NAME} in the journal directory and goes on.
 */
final class Rejections {
  static final String FILE_NAME = "rejected.jsonl";
  private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);
  private static final Pattern PUBLISH_VIOLATION =
      Pattern.compile("Permissions Violation for Publish to \"?([^\"\\s]+)\"?");

  private final Path file;
  private final Consumer<EventRejectedException> onRejected;
  private final ConcurrentLinkedQueue<Outstanding> outstanding = new ConcurrentLinkedQueue<>();
  private volatile EventRejectedException last;
  private volatile long count;

  Rejections(Path journalDir, Consumer<EventRejectedException> onRejected) {
    this.file = journalDir.resolve(FILE_NAME);
    this.onRejected = onRejected;
  }

  /** A publish that may still be refused: the sender's thread only. */
  void sent(NatsMessage message, CompletableFuture<PublishAck> future) {
    while (!outstanding.isEmpty() && outstanding.peek().future().isDone()) {
      outstanding.poll();
    }
    outstanding.add(new Outstanding(message.getSubject(), future));
  }

  /** The connection is gone: its publishes are re-sent on the next one. */
  void clear() {
    outstanding.clear();
  }

  /** A broker error on the connection (jnats's thread): fails the publish it refuses, if any. */
  void brokerError(String error) {
    Matcher matcher = PUBLISH_VIOLATION.matcher(error == null ? "" : error);
    if (!matcher.find()) {
      return;
    }
    String subject = matcher.group(1);
    for (Outstanding publish : outstanding) {
      if (publish.subject().equals(subject)
          && publish.future().completeExceptionally(new Refused(error.strip()))) {
        return;
      }
    }
  }

  /** Whether {@code future} failed because the broker refused its publish for good. */
  static boolean refused(CompletableFuture<?> future) {
    return future.exceptionNow() instanceof Refused;
  }

  static String reason(CompletableFuture<?> future) {
    return future.exceptionNow().getMessage();
  }

  /** Writes {@code message} to the rejected file and reports it; the sender's thread only. */
  void reject(NatsMessage message, String reason) {
    String id = message.getHeaders().getFirst(CloudEventHeaders.ID);
    report(message, reason, new EventRejectedException(id, reason, file));
  }

  /**
   * Writes {@code message}, which waited {@code waited} in the journal (more than {@code maxAge}),
   * to the rejected file and reports it; the sender's thread only.
   */
  void expire(NatsMessage message, Duration waited, Duration maxAge) {
    String id = message.getHeaders().getFirst(CloudEventHeaders.ID);
    report(
        message,
        "waited " + waited + " in the journal, more than its max age of " + maxAge,
        new EventExpiredException(id, waited, maxAge, file));
  }

  private void report(NatsMessage message, String reason, EventRejectedException rejection) {
    Headers headers = message.getHeaders();
    String id = headers.getFirst(CloudEventHeaders.ID);
    ObjectNode line = ContractJson.mapper().createObjectNode();
    line.put("rejected_at", Instant.now().toString());
    line.put("reason", reason);
    line.put("subject", message.getSubject());
    line.put("id", id);
    line.put("type", headers.getFirst(CloudEventHeaders.TYPE));
    line.put("time", headers.getFirst(CloudEventHeaders.TIME));
    try {
      line.set("data", ContractJson.mapper().readTree(message.getData()));
    } catch (IOException e) {
      line.put("data", new String(message.getData(), StandardCharsets.UTF_8));
    }
    try {
      Files.writeString(
          file,
          line + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      LOG.error("cannot write rejected event {} to {}: {}", id, file, e.getMessage());
    }
    last = rejection;
    count++;
    LOG.error("{}", rejection.getMessage());
    try {
      onRejected.accept(rejection);
    } catch (RuntimeException e) {
      LOG.warn("the onEventRejected callback threw", e);
    }
  }

  /** Events rejected since start. */
  long count() {
    return count;
  }

  /** The latest rejection, or null. */
  EventRejectedException last() {
    return last;
  }

  private record Outstanding(String subject, CompletableFuture<PublishAck> future) {}

  /** The broker refused the publish for good. */
  static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }
}
