package dev.gamingapi.server.lease;

/**
 * A lease held by this instance.
 *
 * @param name what the lease is for ({@code jwt-writer}, {@code tenant:acme}...)
 * @param holder this instance's id
 * @param token the fencing token: it grows at every change of holder, so a write that checks it
 *     cannot commit for a holder that lost the lease meanwhile
 */
public record Lease(String name, String holder, long token) {}
