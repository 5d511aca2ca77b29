package dev.gamingapi.server.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.jwt.Jwts;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The JSON replies to a request that several broker nodes answer, read from one inbox.
 *
 * <p>Every node of a cluster answers the {@code $SYS.REQ} requests the platform sends; jnats'
 * {@code request} keeps only the first answer, so this reads them all until the caller has what it
 * needs or its deadline passes.
 */
final class Replies implements AutoCloseable {
  private final Connection connection;
  private final String subject;
  private final String inbox;
  private final Subscription subscription;

  Replies(Connection connection, String subject) {
    this.connection = connection;
    this.subject = subject;
    this.inbox = connection.createInbox();
    this.subscription = connection.subscribe(inbox);
  }

  /** Sends {@code body} to the subject (again, if called twice), asking for replies here. */
  void send(byte[] body) {
    connection.publish(subject, inbox, body);
  }

  /**
   * The next reply, or empty once {@code deadlineNanos} (a {@link System#nanoTime()} value) has
   * passed without one. Status messages (no responders) are skipped: the wait then ends at the
   * deadline, as for a silent node.
   */
  Optional<JsonNode> next(long deadlineNanos) {
    try {
      while (true) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left <= 0) {
          return Optional.empty();
        }
        // jnats reads a zero wait as "forever", hence whole milliseconds of at least one.
        Message message = subscription.nextMessage(Duration.ofMillis(left));
        if (message != null && !message.isStatusMessage()) {
          return Optional.of(Jwts.JSON.readTree(message.getData()));
        }
      }
    } catch (IOException e) {
      throw new ResolverException("unreadable reply on " + subject, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResolverException("interrupted while waiting for replies on " + subject, e);
    }
  }

  @Override
  public void close() {
    try {
      subscription.unsubscribe();
    } catch (IllegalStateException connectionClosed) {
      // Nothing left to clean up.
    }
  }
}
