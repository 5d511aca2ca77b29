package dev.gamingapi.server.testing;

import dev.gamingapi.contract.cloudevents.CloudEventHeaders;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.cloudevents.EncodedEvent;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventData;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;

/** Publishes events into a tenant's log as a game server would, for notification tests. */
public final class NotifyEvents {
  private NotifyEvents() {}

  /** Publishes {@code data} of server {@code server}, stored by JetStream; answers its event id. */
  public static String publish(Connection connection, String server, EventData data)
      throws Exception {
    EncodedEvent encoded = CloudEventsCodec.encode(Event.of(server, data));
    Headers headers = new Headers();
    encoded.headers().forEach(headers::add);
    connection
        .jetStream()
        .publish(
            NatsMessage.builder()
                .subject(encoded.subject())
                .headers(headers)
                .data(encoded.body())
                .build());
    return encoded.headers().get(CloudEventHeaders.ID);
  }
}
