package dev.gamingapi.sdk;

import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.contract.subject.Subjects;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * What replay and live subscriptions share: ordered push consumers on the {@code EVENTS} stream
 * (the fastest way to read a log in order; jnats recreates them after a gap or a broker restart),
 * and the client-side half of filtering.
 */
final class ReadConsumers {
  static final String STREAM = "EVENTS";

  /** Short, so a consumer lost with a restarted broker is noticed and recreated within seconds. */
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);

  private ReadConsumers() {}

  static PushSubscribeOptions options(ReadRequest request) {
    ConsumerConfiguration.Builder config = ConsumerConfiguration.builder().idleHeartbeat(HEARTBEAT);
    if (request.fromSequence() > 0) {
      config.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(request.fromSequence());
    } else if (request.fromTime() != null) {
      config
          .deliverPolicy(DeliverPolicy.ByStartTime)
          .startTime(request.fromTime().atZone(ZoneOffset.UTC));
    } else {
      config.deliverPolicy(DeliverPolicy.All);
    }
    return PushSubscribeOptions.builder().stream(STREAM)
        .ordered(true)
        .configuration(config.build())
        .build();
  }

  /**
   * Whether the NATS subject filter alone selects exactly. It does unless a custom type is filtered
   * without a player: custom types may be server or player events, so the subject filter is wider
   * and {@link EventFilter#matches} decides.
   */
  static boolean needsClientFilter(EventFilter filter) {
    return filter.type() != null
        && filter.playerId() == null
        && EventCatalog.isCustom(filter.type());
  }

  static boolean matches(EventFilter filter, String subject) {
    try {
      return filter.matches(Subjects.parseEvent(subject));
    } catch (ContractException notAnEventSubject) {
      return false;
    }
  }

  static StoredEvent stored(Message message, long sequence) {
    return new StoredEvent(sequence, message.getSubject(), message.getHeaders(), message.getData());
  }
}
