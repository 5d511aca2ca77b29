package dev.gamingapi.server.readmodel.engine;

import java.util.Map;

/**
 * One message of a tenant's {@code EVENTS} stream as delivered, before decoding.
 *
 * @param streamSeq its stream sequence: the read models' position after applying it
 * @param headers first value of each header
 */
public record RawEvent(long streamSeq, String subject, Map<String, String> headers, byte[] body) {}
