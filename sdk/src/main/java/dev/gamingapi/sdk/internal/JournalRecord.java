package dev.gamingapi.sdk.internal;

import dev.gamingapi.contract.cloudevents.EncodedEvent;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The payload of one journal record: exactly what goes on the wire, so a re-send after a crash is
 * byte for byte the original message (same {@code Nats-Msg-Id}, so the broker drops duplicates).
 *
 * <pre>
 * u16 subject length, subject, u8 header count,
 * per header: u16 name length, name, u16 value length, value,
 * i32 body length, body                                  (all strings UTF-8)
 * i64 journaled at (epoch ms of the client's clock)      (absent from records of older SDKs)
 * </pre>
 *
 * <p>The append time is the journal's own, never sent: it bounds how long an event may wait before
 * being sent ({@link dev.gamingapi.contract.event.Resends}), whatever its {@code ce-time} (which
 * the caller may set in the past, as an agent reading an old log does).
 */
public final class JournalRecord {
  private static final int HEADER_VERSION_LINE = "NATS/1.0\r\n".length();

  private JournalRecord() {}

  /** A record read back: the message to send, and when it was journaled (-1 when unknown). */
  record Stored(NatsMessage message, long journaledAt) {}

  /** The record payload of {@code event}, journaled at {@code journaledAt} (epoch ms). */
  public static byte[] encode(EncodedEvent event, long journaledAt) {
    byte[] subject = utf8(event.subject());
    Map<String, String> headers = event.headers();
    byte[][] parts = new byte[headers.size() * 2][];
    int size = 2 + subject.length + 1 + 4 + event.body().length + 8;
    int index = 0;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      parts[index] = utf8(header.getKey());
      parts[index + 1] = utf8(header.getValue());
      size += 4 + parts[index].length + parts[index + 1].length;
      index += 2;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putShort((short) subject.length).put(subject).put((byte) headers.size());
    for (byte[] part : parts) {
      out.putShort((short) part.length).put(part);
    }
    out.putInt(event.body().length).put(event.body()).putLong(journaledAt);
    return out.array();
  }

  /**
   * The size NATS counts against {@code max_payload}: the serialized headers ({@code NATS/1.0},
   * then {@code name:value} lines, then an empty line) plus the body.
   */
  public static long wireSize(EncodedEvent event) {
    long size = HEADER_VERSION_LINE + 2 + event.body().length;
    for (Map.Entry<String, String> header : event.headers().entrySet()) {
      size += header.getKey().length() + 1 + header.getValue().length() + 2;
    }
    return size;
  }

  /** The message that {@link #encode} journals, built without the round trip through bytes. */
  static NatsMessage message(EncodedEvent event) {
    Headers headers = new Headers();
    event.headers().forEach(headers::put);
    return NatsMessage.builder()
        .subject(event.subject())
        .headers(headers)
        .data(event.body())
        .build();
  }

  /**
   * The record of {@code length} bytes at {@code offset} of {@code buffer}; absolute reads only.
   */
  static Stored decode(ByteBuffer buffer, int offset, int length) {
    int at = offset;
    int subjectLength = buffer.getShort(at) & 0xFFFF;
    String subject = string(buffer, at + 2, subjectLength);
    at += 2 + subjectLength;
    int headerCount = buffer.get(at) & 0xFF;
    at++;
    Headers headers = new Headers();
    for (int i = 0; i < headerCount; i++) {
      int nameLength = buffer.getShort(at) & 0xFFFF;
      String name = string(buffer, at + 2, nameLength);
      at += 2 + nameLength;
      int valueLength = buffer.getShort(at) & 0xFFFF;
      String value = string(buffer, at + 2, valueLength);
      at += 2 + valueLength;
      headers.put(name, value);
    }
    byte[] body = new byte[buffer.getInt(at)];
    buffer.get(at + 4, body);
    at += 4 + body.length;
    long journaledAt = at + 8 <= offset + length ? buffer.getLong(at) : -1;
    return new Stored(
        NatsMessage.builder().subject(subject).headers(headers).data(body).build(), journaledAt);
  }

  private static String string(ByteBuffer buffer, int offset, int length) {
    byte[] bytes = new byte[length];
    buffer.get(offset, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
