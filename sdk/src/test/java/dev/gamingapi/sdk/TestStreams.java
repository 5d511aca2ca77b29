package dev.gamingapi.sdk;

import dev.gamingapi.contract.cloudevents.CloudEventHeaders;
import dev.gamingapi.testkit.EventStreams;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PushSubscribeOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code EVENTS} stream as the platform configures it, and a raw read of what it holds. */
final class TestStreams {
  private TestStreams() {}

  static void createEvents(String url) throws Exception {
    try (Connection connection = Nats.connect(url)) {
      connection.jetStreamManagement().addStream(EventStreams.configuration());
    }
  }

  /** The {@code ce-id} of every stored event, in stream order, read with plain jnats. */
  static List<String> storedIds(String url) throws Exception {
    try (Connection connection = Nats.connect(url)) {
      long count =
          connection.jetStreamManagement().getStreamInfo("EVENTS").getStreamState().getMsgCount();
      List<String> ids = new ArrayList<>((int) count);
      JetStreamSubscription subscription =
          connection
              .jetStream()
              .subscribe(
                  null, PushSubscribeOptions.builder().stream("EVENTS").ordered(true).build());
      while (ids.size() < count) {
        Message message = subscription.nextMessage(Duration.ofSeconds(10));
        if (message == null) {
          throw new AssertionError("stream read stalled after " + ids.size() + " of " + count);
        }
        ids.add(message.getHeaders().getFirst(CloudEventHeaders.ID));
      }
      subscription.unsubscribe();
      return ids;
    }
  }
}
