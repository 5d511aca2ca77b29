package dev.gamingapi.server.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gamingapi.server.access.Users;
import dev.gamingapi.server.common.Times;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Access tokens: ES256 JWTs in the RFC 9068 profile ({@code typ: at+jwt}; {@code iss}, {@code aud},
 * {@code sub}, {@code client_id}, {@code scope}, {@code exp}, {@code iat}, {@code jti}) plus the
 * tenant ({@code account}) and the grant ({@code grant_id}). Anyone can verify one offline against
 * the JWKS; the platform also looks the grant up on every use, so that a revoked grant's tokens are
 * refused from the next request although they have not expired.
 */
public final class AccessTokens {
  /** The {@code aud} of every access token: the REST API. */
  public static final String AUDIENCE_PATH = "/api/v1";

  private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
  private static final int MAX_REMEMBERED = 10_000;

  private final java.util.Map<String, Claims> verified =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final SigningKeys keys;
  private final Grants grants;
  private final OAuthConfig config;
  private final Clock clock;
  private final java.util.function.Supplier<String> issuer;

  AccessTokens(
      SigningKeys keys,
      Grants grants,
      OAuthConfig config,
      Clock clock,
      java.util.function.Supplier<String> issuer) {
    this.keys = keys;
    this.grants = grants;
    this.config = config;
    this.clock = clock;
    this.issuer = issuer;
  }

  /** A signed token for {@code grant} with {@code scope} (the grant's or narrower). */
  String issue(Grant grant, GrantScope scope) {
    Instant now = Times.now(clock);
    Instant expiry = now.plus(config.accessTokenLifetime());
    if (expiry.isAfter(grant.expiresAt())) {
      expiry = grant.expiresAt();
    }
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer.get())
            .audience(issuer.get() + AUDIENCE_PATH)
            .subject(grant.account() + "/" + grant.owner())
            .claim("client_id", grant.clientId())
            .claim("scope", scope.wire())
            .claim("account", grant.account())
            .claim("grant_id", grant.id())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiry))
            .jwtID(Secrets.id("at_"))
            .build();
    ECKey key = keys.current();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).type(AT_JWT).keyID(key.getKeyID()).build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an access token", e);
    }
    return jwt.serialize();
  }

  /** The issuer URL. */
  String issuer() {
    return issuer.get();
  }

  /** The {@code aud} of the tokens. */
  String audience() {
    return issuer.get() + AUDIENCE_PATH;
  }

  /** Whether {@code token} has the shape of a JWT rather than of a {@code gapi_} token. */
  public static boolean looksLikeJwt(String token) {
    return token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
  }

  /**
   * The REST caller {@code token} stands for: an {@code app} of the grant's account limited to the
   * token's scope; empty when the signature, issuer, audience, type or expiry is wrong, or the
   * grant is revoked or expired ({@link Grants#activeRecently}: through another instance, within a
   * second).
   */
  public Optional<Users.Principal> authenticate(String token) {
    return verify(token)
        .flatMap(
            claims -> {
              Optional<Grant> grant = grants.activeRecently(claims.grantId());
              grant.ifPresent(grants::touch);
              return grant
                  .filter(g -> g.account().equals(claims.account()))
                  .filter(g -> claims.scope().within(g.scope()))
                  .map(g -> Grants.principal(g, claims.scope()));
            });
  }

  /** What a token says, once its signature and times are checked. */
  record Claims(
      String grantId,
      String account,
      String clientId,
      GrantScope scope,
      String subject,
      Instant issuedAt,
      Instant expiresAt,
      String jwtId) {}

  /**
   * The claims of {@code token} if it is a valid access token now (the grant not looked up).
   * Verified tokens are remembered until they expire, so that an app's token costs one signature
   * check rather than one per request (an ES256 check costs about as much as the rest of a read).
   */
  Optional<Claims> verify(String token) {
    Claims known = verified.get(token);
    if (known != null) {
      if (known.expiresAt().isAfter(Times.now(clock))) {
        return Optional.of(known);
      }
      verified.remove(token);
      return Optional.empty();
    }
    Optional<Claims> claims = verifySignature(token);
    claims.ifPresent(
        valid -> {
          if (verified.size() >= MAX_REMEMBERED) {
            verified.clear(); // crude but bounded; the next requests verify again
          }
          verified.put(token, valid);
        });
    return claims;
  }

  private Optional<Claims> verifySignature(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
          || !AT_JWT.equals(jwt.getHeader().getType())
          || jwt.getHeader().getKeyID() == null) {
        return Optional.empty();
      }
      Optional<ECKey> key = keys.verifying(jwt.getHeader().getKeyID());
      if (key.isEmpty() || !jwt.verify(new ECDSAVerifier(key.get()))) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Instant now = Times.now(clock);
      if (!issuer.get().equals(claims.getIssuer())
          || !claims.getAudience().contains(issuer.get() + AUDIENCE_PATH)
          || claims.getExpirationTime() == null
          || !claims.getExpirationTime().toInstant().isAfter(now)) {
        return Optional.empty();
      }
      return Optional.of(
          new Claims(
              claims.getStringClaim("grant_id"),
              claims.getStringClaim("account"),
              claims.getStringClaim("client_id"),
              GrantScope.parse(claims.getStringClaim("scope")),
              claims.getSubject(),
              claims.getIssueTime().toInstant(),
              claims.getExpirationTime().toInstant(),
              claims.getJWTID()));
    } catch (ParseException | JOSEException | OAuthError | NullPointerException e) {
      return Optional.empty();
    }
  }
}
