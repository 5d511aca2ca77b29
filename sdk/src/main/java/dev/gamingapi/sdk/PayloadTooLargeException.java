package dev.gamingapi.sdk;

/**
 * An event larger than the broker accepts ({@code max_payload}, headers included). It was refused
 * before it reached the journal, so nothing else is affected.
 */
public final class PayloadTooLargeException extends GamingApiException {
  private final long size;
  private final long limit;

  /** An event of {@code size} bytes against a limit of {@code limit} bytes. */
  public PayloadTooLargeException(String eventId, long size, long limit) {
    super(
        "event "
            + eventId
            + " is "
            + size
            + " bytes (headers and data), over the broker's max payload of "
            + limit
            + " bytes");
    this.size = size;
    this.limit = limit;
  }

  /** The event's size on the wire, headers included. */
  public long size() {
    return size;
  }

  /** The broker's maximum payload. */
  public long limit() {
    return limit;
  }
}
