package dev.gamingapi.server.readmodel.engine;

import io.nats.client.Message;

/**
 * Where a JetStream message stands, read from its ack reply subject: {@code
 * $JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.<consumer seq>.<time>.<pending>} (9 tokens)
 * or, from servers with domains, {@code $JS.ACK.<domain>.<account hash>.} followed by the same and
 * more tokens. jnats's {@code metaData()} reads the same but splits the subject with a regular
 * expression and parses the time, a good part of the cost of reading an event; anything else than
 * these two shapes goes to it.
 *
 * @param streamSeq the message's sequence in the stream
 * @param consumerSeq its delivery sequence in the consumer
 * @param pending messages of the consumer not delivered yet
 */
record Delivery(long streamSeq, long consumerSeq, long pending) {
  private static final String PREFIX = "$JS.ACK.";

  /** Where {@code message} stands. */
  static Delivery of(Message message) {
    Delivery read = read(message.getReplyTo());
    if (read != null) {
      return read;
    }
    var meta = message.metaData();
    return new Delivery(meta.streamSequence(), meta.consumerSequence(), meta.pendingCount());
  }

  // The reply subject's figures, or null when it has neither shape.
  static Delivery read(String reply) {
    if (reply == null || !reply.startsWith(PREFIX)) {
      return null;
    }
    int[] dots = new int[12];
    int count = 0;
    for (int at = reply.indexOf('.'); at >= 0; at = reply.indexOf('.', at + 1)) {
      if (count == dots.length) {
        return null;
      }
      dots[count++] = at;
    }
    int tokens = count + 1;
    // Token index of the stream sequence: 5 in the 9-token shape, 7 after a domain and account.
    int first = tokens == 9 ? 5 : tokens >= 11 ? 7 : -1;
    if (first < 0) {
      return null;
    }
    long stream = number(reply, dots, count, first);
    long consumer = number(reply, dots, count, first + 1);
    long pending = number(reply, dots, count, first + 3);
    return (stream | consumer | pending) < 0 ? null : new Delivery(stream, consumer, pending);
  }

  /**
   * When the broker stored {@code message} (epoch ms, its clock), read from the reply subject's
   * time token (nanoseconds); {@link Long#MIN_VALUE} when the message carries none. Read for a
   * batch's last message only.
   */
  static long storedMillis(Message message) {
    long read = storedMillis(message.getReplyTo());
    if (read != Long.MIN_VALUE) {
      return read;
    }
    try {
      return message.metaData().timestamp().toInstant().toEpochMilli();
    } catch (RuntimeException notJetStream) {
      return Long.MIN_VALUE;
    }
  }

  // The time token of an ack reply subject in ms, or Long.MIN_VALUE when it has neither shape.
  static long storedMillis(String reply) {
    if (reply == null || !reply.startsWith(PREFIX)) {
      return Long.MIN_VALUE;
    }
    String[] tokens = reply.split("\\.", -1);
    int index = tokens.length == 9 ? 7 : tokens.length >= 11 ? 9 : -1;
    if (index < 0 || tokens[index].isEmpty() || tokens[index].length() > 19) {
      return Long.MIN_VALUE;
    }
    try {
      return Long.parseLong(tokens[index]) / 1_000_000;
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }

  // Token number index (of a subject with count dots at dots) as a number, or -1 when not one.
  private static long number(String reply, int[] dots, int count, int index) {
    int from = dots[index - 1] + 1;
    int to = index < count ? dots[index] : reply.length();
    if (to <= from || to - from > 18) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = reply.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
