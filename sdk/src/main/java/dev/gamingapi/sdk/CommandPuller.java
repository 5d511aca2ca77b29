package dev.gamingapi.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.command.CommandChannel;
import dev.gamingapi.contract.command.CommandMessage;
import dev.gamingapi.contract.event.CommandExpired;
import dev.gamingapi.contract.event.CommandFailed;
import dev.gamingapi.contract.event.CommandSucceeded;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.sdk.internal.ClientSettings;
import dev.gamingapi.sdk.internal.ConnectionOptions;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.NUID;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final long PROGRESS_SECONDS = 10;
  private static final int MAX_ERROR = 1000;

  private final GameServerClient client;
  private final ClientSettings settings;
  private final Map<String, CommandHandler> handlers;
  private final int maxDeliveries;
  private final Duration backoff;
  private final String next;
  private final AtomicLong completed = new AtomicLong();
  private final ScheduledExecutorService ticker;
  private volatile boolean running = true;
  private Thread thread;

  CommandPuller(
      GameServerClient client,
      ClientSettings settings,
      Map<String, CommandHandler> handlers,
      int maxDeliveries,
      Duration backoff) {
    this.client = client;
    this.settings = settings;
    this.handlers = handlers;
    this.maxDeliveries = maxDeliveries;
    this.backoff = backoff;
    String consumer = CommandChannel.consumer(settings.serverId());
    this.next = "$JS.API.CONSUMER.MSG.NEXT." + CommandChannel.STREAM + "." + consumer;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("gamingapi-command-progress").daemon().unstarted(r));
  }

  void start() {
    thread =
        Thread.ofPlatform()
            .name("gamingapi-commands-" + settings.serverId())
            .daemon()
            .start(this::run);
  }

  long completed() {
    return completed.get();
  }

  private void run() {
    String inbox = Subjects.inboxPrefix(settings.serverId());
    while (running) {
      Connection connection = null;
      try {
        connection =
            Nats.connect(ConnectionOptions.reader(settings.url(), settings.credentials(), inbox));
        pull(connection, inbox + ".cmd." + NUID.nextGlobal());
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
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
    while (running && connection.getStatus() != Connection.Status.CLOSED) {
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
      handle(connection, message);
    }
  }

  private void handle(Connection connection, Message message) {
    String reply = message.getReplyTo();
    CommandMessage command;
    try {
      command = CommandMessage.parse(message.getData());
    } catch (ContractException e) {
      LOG.warn(
          "dropping a message on {} that is not a command: {}",
          message.getSubject(),
          e.getMessage());
      connection.publish(reply, "+TERM".getBytes(StandardCharsets.UTF_8));
      return;
    }
    int delivery = deliveries(reply);
    Instant now = Instant.now();
    try {
      if (command.expiredAt(now)) {
        finish(connection, reply, new CommandExpired(command.commandId(), command.name(), now));
        return;
      }
      if (command.notBefore() != null && now.isBefore(command.notBefore())) {
        nak(connection, reply, Duration.between(now, command.notBefore()));
        return;
      }
      CommandHandler handler = handlers.get(command.name());
      if (handler == null) {
        String error = "no handler for command '" + command.name() + "' on this server";
        finish(
            connection,
            reply,
            new CommandFailed(command.commandId(), command.name(), error, delivery));
        return;
      }
      run(connection, reply, command, handler, delivery);
    } catch (RuntimeException e) {
      // The report could not be journaled (e.g. a full journal): the command comes back later.
      LOG.warn("command {} put back: {}", command.commandId(), e.toString());
      nak(connection, reply, Duration.ofSeconds(1));
    }
  }

  private void run(
      Connection connection,
      String reply,
      CommandMessage command,
      CommandHandler handler,
      int delivery) {
    ScheduledFuture<?> progress =
        ticker.scheduleAtFixedRate(
            () -> connection.publish(reply, "+WPI".getBytes(StandardCharsets.UTF_8)),
            PROGRESS_SECONDS,
            PROGRESS_SECONDS,
            TimeUnit.SECONDS);
    Object output;
    try {
      output =
          handler.handle(
              new ReceivedCommand(
                  command.commandId(),
                  command.name(),
                  command.args() == null
                      ? ContractJson.mapper().createObjectNode()
                      : command.args(),
                  delivery,
                  command.notBefore(),
                  command.expiresAt()));
    } catch (Exception e) {
      if (delivery >= maxDeliveries) {
        finish(
            connection,
            reply,
            new CommandFailed(command.commandId(), command.name(), describe(e), delivery));
      } else {
        LOG.info(
            "command {} failed on delivery {}: {}; retrying",
            command.commandId(),
            delivery,
            e.toString());
        nak(connection, reply, backoffAfter(delivery));
      }
      return;
    } finally {
      progress.cancel(false);
    }
    JsonNode json = output == null ? null : ContractJson.mapper().valueToTree(output);
    finish(connection, reply, new CommandSucceeded(command.commandId(), command.name(), json));
  }

  /** Journals the report, then acknowledges the command and waits for the broker to confirm. */
  private void finish(Connection connection, String reply, EventData report) {
    client.publish(report);
    completed.incrementAndGet();
    try {
      connection.request(reply, "+ACK".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn(
          "the ack of a command was not confirmed ({}); it may be delivered again", e.toString());
    }
  }

  private static void nak(Connection connection, String reply, Duration delay) {
    String nak = "-NAK {\"delay\":" + Math.max(0, delay.toNanos()) + "}";
    connection.publish(reply, nak.getBytes(StandardCharsets.UTF_8));
  }

  private Duration backoffAfter(int delivery) {
    Duration wait = backoff.multipliedBy(1L << Math.min(delivery - 1, 20));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  /** The delivery count in the ack subject {@code $JS.ACK.<stream>.<consumer>.<delivered>...}. */
  static int deliveries(String reply) {
    String[] tokens = reply.split("\\.");
    int index = tokens.length >= 12 ? 6 : 4; // the newer form adds a domain and an account hash
    try {
      return Integer.parseInt(tokens[index]);
    } catch (RuntimeException e) {
      return 1;
    }
  }

  private static String describe(Exception e) {
    String text =
        e.getMessage() == null || e.getMessage().isBlank()
            ? e.getClass().getName()
            : e.getMessage();
    return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
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
    ticker.shutdownNow();
  }
}
