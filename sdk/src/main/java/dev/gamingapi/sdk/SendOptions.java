package dev.gamingapi.sdk;

import java.time.Duration;
import java.time.Instant;

/**
 * How a command is sent; every part is optional.
 *
 * @param ttl how long it may wait before it expires unrun (null: the platform's default)
 * @param notBefore it is not run before this time (null: at once)
 * @param idempotencyKey sending twice with the same key queues it once (null: no de-duplication)
 */
public record SendOptions(Duration ttl, Instant notBefore, String idempotencyKey) {
  /** No time to live, no delay, no idempotency key. */
  public static SendOptions none() {
    return new SendOptions(null, null, null);
  }

  /** These options with time to live {@code value} (whole seconds are sent). */
  public SendOptions withTtl(Duration value) {
    return new SendOptions(value, notBefore, idempotencyKey);
  }

  /** These options with not-before time {@code value}. */
  public SendOptions withNotBefore(Instant value) {
    return new SendOptions(ttl, value, idempotencyKey);
  }

  /** These options with idempotency key {@code value}. */
  public SendOptions withIdempotencyKey(String value) {
    return new SendOptions(ttl, notBefore, value);
  }
}
