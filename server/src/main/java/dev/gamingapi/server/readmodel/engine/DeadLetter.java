package dev.gamingapi.server.readmodel.engine;

import java.time.Instant;
import java.util.Map;

/**
 * An event the read models could not apply.
 *
 * @param streamSeq its sequence in the tenant's {@code EVENTS} stream
 * @param headers its headers (first value of each)
 * @param body its raw body in base64
 * @param at when it was dead-lettered
 */
public record DeadLetter(
    long id,
    long streamSeq,
    String subject,
    String reason,
    Map<String, String> headers,
    String body,
    Instant at) {}
