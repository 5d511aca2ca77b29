package dev.gamingapi.sdk;

import dev.gamingapi.contract.ContractException;
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
  static final String STREAM = Subjects.EVENT_STREAM;

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
   * Whether received events must be checked against the filter. The NATS filter subject is often
   * wider than the filter (nats-server 2.9 refuses a filter spanning both subjects of the stream,
   * so a server's events are read with {@code >}), so any filter but {@link EventFilter#ALL} is
   * applied again here.
   */
  static boolean needsClientFilter(EventFilter filter) {
    return !filter.equals(EventFilter.ALL);
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
