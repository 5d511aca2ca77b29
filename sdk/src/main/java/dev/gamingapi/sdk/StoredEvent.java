package dev.gamingapi.sdk;

import dev.gamingapi.contract.cloudevents.CloudEventHeaders;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.event.Event;
import io.nats.client.impl.Headers;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One event as stored in the {@code EVENTS} stream. The attributes come from the CloudEvents
 * headers; the body stays raw bytes until {@link #event()} is first called, so reading the log does
 * not pay for JSON it does not look at.
 */
public final class StoredEvent {
  private static final String SOURCE_PREFIX = "/servers/";

  private final long sequence;
  private final String subject;
  private final Headers headers;
  private final byte[] body;
  private Event event;

  StoredEvent(long sequence, String subject, Headers headers, byte[] body) {
    this.sequence = sequence;
    this.subject = subject;
    this.headers = headers;
    this.body = body;
  }

  /** The stream sequence: the position to resume after. */
  public long sequence() {
    return sequence;
  }

  /** The NATS subject it was published on. */
  public String subject() {
    return subject;
  }

  /** The event id ({@code ce-id}). */
  public String id() {
    return header(CloudEventHeaders.ID);
  }

  /** The dotted type ({@code ce-type}), including types this SDK version does not know. */
  public String type() {
    return header(CloudEventHeaders.TYPE);
  }

  /** The game server that published it (from {@code ce-source}). */
  public String serverId() {
    String source = header(CloudEventHeaders.SOURCE);
    return source != null && source.startsWith(SOURCE_PREFIX)
        ? source.substring(SOURCE_PREFIX.length())
        : source;
  }

  /** The player it is about ({@code ce-subject}), or {@code null} for a server event. */
  public String playerId() {
    return header(CloudEventHeaders.SUBJECT);
  }

  /** When it happened ({@code ce-time}). */
  public Instant time() {
    return OffsetDateTime.parse(header(CloudEventHeaders.TIME)).toInstant();
  }

  /** The raw JSON data, exactly as stored. */
  public byte[] body() {
    return body;
  }

  /**
   * The decoded event with typed data, decoded on the first call. A type this version does not know
   * comes back as {@link dev.gamingapi.contract.event.UnknownEventData}, never dropped.
   *
   * @throws dev.gamingapi.contract.event.InvalidEventException when headers, subject and body
   *     disagree or the body does not fit its type
   */
  public Event event() {
    Event decoded = event;
    if (decoded == null) {
      decoded = CloudEventsCodec.decode(subject, this::header, body);
      event = decoded;
    }
    return decoded;
  }

  private String header(String name) {
    return headers == null ? null : headers.getFirst(name);
  }

  @Override
  public String toString() {
    return "StoredEvent[" + sequence + " " + subject + " " + id() + "]";
  }
}
