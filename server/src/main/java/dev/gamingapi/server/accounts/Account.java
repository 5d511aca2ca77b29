package dev.gamingapi.server.accounts;

import java.time.Instant;

/**
 * A tenant: one NATS account with the quotas of its plan.
 *
 * @param name unique, {@code [a-z0-9][a-z0-9_-]{0,62}}
 * @param plan the name of its plan
 * @param description free text from the operator
 * @param publicKey the NATS account's public key
 * @param createdAt when it was created
 * @param updatedAt when its plan, description, users or shares last changed its JWT or row
 */
public record Account(
    String name,
    String plan,
    String description,
    String publicKey,
    Instant createdAt,
    Instant updatedAt) {}
