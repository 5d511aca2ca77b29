/**
 * The broker's full resolver: pushing account JWTs over the system account to every node and
 * reading the answers, listing and deleting them, and refusing JWTs that are stale or not signed by
 * our operator.
 */
package dev.gamingapi.server.resolver;
