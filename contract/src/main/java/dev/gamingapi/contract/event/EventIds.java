package dev.gamingapi.contract.event;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ids: UUIDv7 (RFC 9562), so ids sort by creation time and collide with negligible odds. The
 * random bits come from {@link ThreadLocalRandom}: ids must be unique, not secret.
 */
public final class EventIds {
  private EventIds() {}

  /** A new UUIDv7 string. */
  public static String next() {
    long millis = System.currentTimeMillis();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
