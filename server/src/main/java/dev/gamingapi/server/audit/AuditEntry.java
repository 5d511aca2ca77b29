package dev.gamingapi.server.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One control-plane change.
 *
 * @param id increasing
 * @param at when
 * @param actor {@code operator} or {@code user:<name>}
 * @param action e.g. {@code user.created}
 * @param account the account concerned, or null for platform-wide changes
 * @param target the name or id of what changed
 * @param detail what else is worth knowing (never a secret)
 * @param remoteAddress where the request came from, or null for the platform itself
 */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String action,
    String account,
    String target,
    Map<String, Object> detail,
    String remoteAddress) {}
