package dev.gamingapi.server.jwt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The claims of a decoded JWT whose signature matched its issuer.
 *
 * @param issuer the public key that signed it ({@code iss})
 * @param subject the public key it is about ({@code sub})
 * @param name its name
 * @param issuedAt seconds since the epoch ({@code iat})
 * @param nats the {@code nats} body (type, limits, permissions)
 * @param encoded the JWT itself
 */
public record JwtClaims(
    String issuer, String subject, String name, long issuedAt, JsonNode nats, String encoded) {

  /** The {@code nats.type}: operator, account, user. */
  public String type() {
    return nats.path("type").asText();
  }
}
