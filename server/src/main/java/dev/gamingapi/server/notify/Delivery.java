package dev.gamingapi.server.notify;

import java.time.Instant;

/**
 * One attempt to deliver one event to one rule's endpoint, as the delivery log shows it.
 *
 * @param id increasing with time
 * @param at when the attempt ended
 * @param eventId the event's id ({@code test-...} for a test)
 * @param eventType the event's type
 * @param attempt 1 for the first attempt of this event, then 2, 3...
 * @param outcome {@code delivered}, {@code failed} (will be retried), {@code given_up} (will not)
 * @param httpStatus the endpoint's HTTP status, or null when there was no answer
 * @param excerpt the start of the answer's body, or what went wrong (a timeout, a refused host)
 */
public record Delivery(
    long id,
    Instant at,
    String eventId,
    String eventType,
    int attempt,
    String outcome,
    Integer httpStatus,
    String excerpt) {}
