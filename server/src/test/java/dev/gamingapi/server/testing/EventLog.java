package dev.gamingapi.server.testing;

import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.cloudevents.EncodedEvent;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.EventIds;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.broker.BrokerConnections;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Publishes events to a tenant's EVENTS stream as an internal user of the tenant, as tests need.
 */
public final class EventLog implements AutoCloseable {
  private final Connection connection;
  private final JetStream js;
  private long last;

  public EventLog(Platform platform, String account) throws Exception {
    this.connection =
        BrokerConnections.connect(
            platform.connectionInfo().brokerUrl(),
            platform
                .tenancy()
                .accounts()
                .internalUser(account, "test publisher", Duration.ofMinutes(30)),
            "test-publisher",
            false);
    this.js = connection.jetStream();
  }

  /** A new event of {@code server} at {@code time}. */
  public static Event event(String server, Instant time, EventData data) {
    return new Event(
        EventIds.next(),
        EventCatalog.typeOf(data),
        server,
        EventCatalog.playerOf(data),
        time,
        data);
  }

  /** Publishes {@code event}; returns its stream sequence. */
  public long publish(Event event) throws Exception {
    return publish(CloudEventsCodec.encode(event), null);
  }

  /** Publishes {@code event} again under another Nats-Msg-Id, so the log stores it twice. */
  public long publishAgain(Event event) throws Exception {
    return publish(CloudEventsCodec.encode(event), EventIds.next());
  }

  private long publish(EncodedEvent encoded, String msgId) throws Exception {
    Headers headers = new Headers();
    for (Map.Entry<String, String> header : encoded.headers().entrySet()) {
      headers.put(header.getKey(), header.getValue());
    }
    if (msgId != null) {
      headers.put("Nats-Msg-Id", msgId);
    }
    return raw(encoded.subject(), headers, encoded.body());
  }

  /** Publishes anything; returns its stream sequence. */
  public long raw(String subject, Headers headers, byte[] body) throws Exception {
    last = js.publish(subject, headers, body).getSeqno();
    return last;
  }

  /** Waits until the read models of {@code account} applied stream sequence {@code seq}. */
  public static void awaitApplied(Api operator, String account, long seq)
      throws InterruptedException {
    awaitPosition(operator, account, seq, Duration.ofSeconds(30));
  }

  /**
   * Waits until {@code account}'s read models stand at {@code seq} or beyond; answers the position
   * seen.
   */
  public static long awaitPosition(Api api, String account, long seq, Duration timeout)
      throws InterruptedException {
    return Awaitility.await("read models of " + account + " at " + seq)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                api.get("/api/v1/accounts/" + account + "/read-models")
                    .json()
                    .path("position")
                    .asLong(),
            position -> position >= seq);
  }

  /** The stream sequence of the last publish. */
  public long last() {
    return last;
  }

  @Override
  public void close() {
    BrokerConnections.closeQuietly(connection);
  }
}
