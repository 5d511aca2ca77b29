package dev.gamingapi.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.command.CommandMessage;
import dev.gamingapi.contract.event.CommandExpired;
import dev.gamingapi.contract.event.CommandFailed;
import dev.gamingapi.contract.event.CommandSucceeded;
import dev.gamingapi.contract.event.EventData;
import io.nats.client.Connection;
import io.nats.client.Message;
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
 * What a {@link CommandReceiver} does with one delivered command: skip it when expired, put it back
 * until its not-before time, run its handler, and report and acknowledge the outcome, or put it
 * back for a retry.
 */
final class CommandRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final long PROGRESS_SECONDS = 10;
  private static final int MAX_ERROR = 1000;

  private final GameServerClient client;
  private final Map<String, CommandHandler> handlers;
  private final int maxDeliveries;
  private final Duration backoff;
  private final AtomicLong completed = new AtomicLong();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("gamingapi-command-progress").daemon().unstarted(r));

  CommandRunner(
      GameServerClient client,
      Map<String, CommandHandler> handlers,
      int maxDeliveries,
      Duration backoff) {
    this.client = client;
    this.handlers = handlers;
    this.maxDeliveries = maxDeliveries;
    this.backoff = backoff;
  }

  long completed() {
    return completed.get();
  }

  void handle(Connection connection, Message message) {
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
      // A rejected command would fail alike on every delivery: retrying only delays the queue.
      if (delivery >= maxDeliveries || e instanceof CommandRejectedException) {
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

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
