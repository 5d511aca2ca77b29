/**
 * NATS JWTs as nats-server 2.9 accepts them: account and operator claims, user credentials signed
 * by an account's signing key, the grants (revocations, exports, imports) an account JWT carries,
 * and decoding with signature checks.
 */
package dev.gamingapi.server.jwt;
