package dev.gamingapi.sdk;

import dev.gamingapi.contract.command.CommandChannel;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.sdk.internal.ClientSettings;
import dev.gamingapi.sdk.internal.ConnectionOptions;
import dev.gamingapi.sdk.internal.CredentialsRefusal;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.NUID;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull loop of a {@link CommandReceiver}. It speaks the JetStream pull protocol itself, over
 * one inbox subscription that lives as long as the connection: a client-side fetch timeout that
 * unsubscribes can lose a delivered command to the application (then it would block the queue for
 * the ack wait), and jnats' consumer helpers need rights (stream info) the credential does not
 * have.
 */
final class CommandPuller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommandPuller.class);
  private static final Duration PULL_EXPIRES = Duration.ofSeconds(5);

  private final ClientSettings settings;
  private final CommandRunner runner;
  private final String next;
  private final Consumer<CredentialsRefusedException> onRefused;
  private volatile boolean running = true;
  private volatile CredentialsRefusedException refusal;
  private Thread thread;

  CommandPuller(
      GameServerClient client,
      ClientSettings settings,
      Map<String, CommandHandler> handlers,
      int maxDeliveries,
      Duration backoff,
      Consumer<CredentialsRefusedException> onRefused) {
    this.settings = settings;
    this.onRefused = onRefused;
    this.runner = new CommandRunner(client, handlers, maxDeliveries, backoff);
    String consumer = CommandChannel.consumer(settings.serverId());
    this.next = "$JS.API.CONSUMER.MSG.NEXT." + CommandChannel.STREAM + "." + consumer;
  }

  void start() {
    thread =
        Thread.ofPlatform()
            .name("gamingapi-commands-" + settings.serverId())
            .daemon()
            .start(this::run);
  }

  long completed() {
    return runner.completed();
  }

  private void run() {
    String inbox = Subjects.inboxPrefix(settings.serverId());
    while (running) {
      Connection connection = null;
      try {
        connection =
            Nats.connect(
                ConnectionOptions.reader(
                    settings.url(), settings.credentials(), inbox, this::brokerError));
        pull(connection, inbox + ".cmd." + NUID.nextGlobal());
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        brokerError(e.getMessage());
        if (refusal != null) {
          return;
        }
        LOG.debug("command receiver: {}; retrying in 1 s", e.toString());
        if (!pause(Duration.ofSeconds(1))) {
          return;
        }
      } finally {
        if (connection != null) {
          try {
            connection.close();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }
  }

  private void pull(Connection connection, String replies) throws InterruptedException {
    Subscription sub = connection.subscribe(replies);
    byte[] request =
        ("{\"batch\":1,\"expires\":" + PULL_EXPIRES.toNanos() + "}")
            .getBytes(StandardCharsets.UTF_8);
    long deadline = 0;
    while (running && refusal == null && connection.getStatus() != Connection.Status.CLOSED) {
      if (System.nanoTime() - deadline >= 0) {
        // One pull at a time; re-issued when it ends, or when no answer came (lost in a reconnect).
        connection.publish(next, replies, request);
        deadline = System.nanoTime() + PULL_EXPIRES.plusSeconds(1).toNanos();
      }
      Message message = sub.nextMessage(Duration.ofMillis(250));
      if (message == null) {
        continue;
      }
      deadline = System.nanoTime();
      if (message.isStatusMessage()) {
        int code = message.getStatus().getCode();
        if (code != 408 && code != 404) { // 503: no consumer yet (server not registered)
          LOG.debug("command pull answered {}", message.getStatus().getMessage());
          pause(Duration.ofSeconds(1));
        }
        continue;
      }
      runner.handle(connection, message);
    }
  }

  /**
   * Revoked or expired credentials: jnats would reconnect forever, each attempt answered {@code
   * Authorization Violation}. Stop at the first such error, say why once, and tell the application.
   */
  private synchronized void brokerError(String error) {
    if (refusal != null) {
      return;
    }
    CredentialsRefusal.of(error, settings.credentials())
        .ifPresent(
            reason -> {
              refusal = reason;
              running = false;
              LOG.error("command receiver stopped: {}", reason.getMessage());
              try {
                onRefused.accept(reason);
              } catch (RuntimeException e) {
                LOG.warn("the onCredentialsRefused callback threw", e);
              }
            });
  }

  private boolean pause(Duration time) {
    try {
      Thread.sleep(time);
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    runner.close();
  }
}
