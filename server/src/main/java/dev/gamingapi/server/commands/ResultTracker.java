package dev.gamingapi.server.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.subject.EventSubject;
import dev.gamingapi.contract.subject.Subjects;
import io.nats.client.Message;
import io.nats.client.MessageHandler;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one tenant's {@code command.*} events to the commands table, then acks each (explicitly:
 * an event is acked only once its row is written, so a crash redelivers it; applying twice changes
 * nothing because a finished command stays finished).
 */
final class ResultTracker implements MessageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ResultTracker.class);

  private final String account;
  private final CommandStore store;
  private final CommandLatency latency;

  ResultTracker(String account, CommandStore store, CommandLatency latency) {
    this.account = account;
    this.store = store;
    this.latency = latency;
  }

  @Override
  public void onMessage(Message message) {
    try {
      apply(message);
      message.ack();
    } catch (ContractException | IOException e) {
      // Not a command event we can read (a server publishing garbage): skip it for good.
      LOG.warn(
          "account {}: ignoring unreadable {}: {}", account, message.getSubject(), e.getMessage());
      message.term();
    } catch (RuntimeException e) {
      LOG.warn("account {}: cannot record {} yet: {}", account, message.getSubject(), e.toString());
      message.nakWithDelay(Duration.ofSeconds(1));
    }
  }

  private void apply(Message message) throws IOException {
    EventSubject subject = Subjects.parseEvent(message.getSubject());
    CommandStatus status =
        switch (subject.type()) {
          case "command.succeeded" -> CommandStatus.SUCCEEDED;
          case "command.failed" -> CommandStatus.FAILED;
          case "command.expired" -> CommandStatus.EXPIRED;
          default -> null;
        };
    if (status == null) {
      return;
    }
    JsonNode data = ContractJson.mapper().readTree(message.getData());
    String id = data.path("command_id").asText(null);
    if (id == null) {
      throw new ContractException(subject.type() + " without a command_id");
    }
    JsonNode output = data.has("output") ? data.get("output") : null;
    String error = data.path("error").asText(null);
    Integer attempts = data.has("attempts") ? data.get("attempts").asInt() : null;
    // The subject names the reporting server: a server can only finish its own commands.
    store
        .finish(account, subject.serverId(), id, status, output, error, attempts)
        .ifPresent(created -> latency.finished(status, created));
  }
}
