package dev.gamingapi.server.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.server.keys.KeyVault;
import io.nats.client.NKey;
import io.nats.client.support.JwtUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;

/** Signs claim bodies with jnats and decodes/verifies JWTs (jnats only encodes). */
public final class Jwts {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Jwts() {}

  /**
   * Signs {@code natsBody} (the {@code nats} object) with {@code signer}.
   *
   * @param expiry null for a JWT that does not expire
   */
  static String sign(
      NKey signer, String subject, String name, long issuedAt, Duration expiry, JsonNode natsBody) {
    try {
      String body = JSON.writeValueAsString(natsBody);
      return JwtUtils.issueJWT(
          signer, subject, name, expiry, issuedAt, KeyVault.publicKeyOf(signer), () -> body);
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidJwtException("cannot sign the JWT of " + name, e);
    }
  }

  /**
   * The claims of {@code jwt}, after checking that its signature matches its {@code iss}.
   *
   * @throws InvalidJwtException if it does not decode or the signature is wrong
   */
  public static JwtClaims decodeVerified(String jwt) {
    String[] parts = jwt.strip().split("\\.");
    if (parts.length != 3) {
      throw new InvalidJwtException("not a JWT: expected 3 dot-separated parts", null);
    }
    try {
      Base64.Decoder base64 = Base64.getUrlDecoder();
      JsonNode claims = JSON.readTree(base64.decode(parts[1]));
      String issuer = claims.path("iss").asText();
      NKey issuerKey = NKey.fromPublicKey(issuer.toCharArray());
      byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8);
      if (!issuerKey.verify(signed, base64.decode(parts[2]))) {
        throw new InvalidJwtException(
            "the JWT signature does not match its issuer " + issuer, null);
      }
      return new JwtClaims(
          issuer,
          claims.path("sub").asText(),
          claims.path("name").asText(),
          claims.path("iat").asLong(),
          claims.path("nats"),
          jwt.strip());
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidJwtException("the JWT does not decode: " + e.getMessage(), e);
    }
  }
}
