package dev.gamingapi.server.control;

import dev.gamingapi.contract.subject.Subjects;
import io.nats.client.NKey;
import io.nats.client.support.JwtUtils;
import io.nats.client.support.JwtUtils.Permission;
import io.nats.client.support.JwtUtils.UserClaim;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;

/**
 * Issues user credentials of one account, signed by the account's signing key.
 *
 * <p>Every credential gets a fresh user key: a revocation blocks every JWT of a user key issued up
 * to its time, so reusing keys would revoke credentials that were meant to stay valid.
 */
public final class CredsIssuer {
  /** The tag that names a game server's id in its user JWT. */
  public static final String SERVER_TAG_PREFIX = "server:";

  private final String accountPublicKey;
  private final NKey accountSigningKey;

  /** An issuer for the account {@code accountPublicKey}, signing with {@code accountSigningKey}. */
  public CredsIssuer(String accountPublicKey, NKey accountSigningKey) {
    this.accountPublicKey = accountPublicKey;
    this.accountSigningKey = accountSigningKey;
  }

  /** Creds of the tenant's owner: everything in the account, no subject restrictions. */
  public UserCreds owner(String name) {
    return issue(name, null, new UserClaim(accountPublicKey));
  }

  /**
   * Creds of game server {@code serverId}: it publishes only its own events and receives only
   * replies on its own inbox prefix {@code _INBOX_<serverId>.}, so it cannot read other users'
   * replies on {@code _INBOX.>}. Its client must set {@code Options.Builder.inboxPrefix("_INBOX_" +
   * serverId)}; the id is in the JWT tag {@code server:<serverId>}.
   */
  public UserCreds gameServer(String serverId) {
    UserClaim claim =
        new UserClaim(accountPublicKey)
            .pub(new Permission().allow(Subjects.publishableBy(serverId)))
            .sub(new Permission().allow(Subjects.inboxPrefix(serverId) + ".>"))
            .tags(SERVER_TAG_PREFIX + serverId);
    return issue("server " + serverId, null, claim);
  }

  /**
   * Short-lived creds for the platform's own work in the account (stream provisioning). Kept in
   * memory only.
   */
  public UserCreds internal(String purpose, Duration lifetime) {
    return issue("platform " + purpose, lifetime, new UserClaim(accountPublicKey));
  }

  /**
   * Creds of the platform's system-account user: it may only push and look up account JWTs, and ask
   * the JetStream meta leader which nodes form the cluster (every one of them must confirm a push).
   * Call on an issuer of the system account.
   */
  public UserCreds systemUser(Duration lifetime) {
    UserClaim claim =
        new UserClaim(accountPublicKey)
            .pub(
                new Permission()
                    .allow(
                        "$SYS.REQ.CLAIMS.>",
                        "$SYS.REQ.ACCOUNT.*.CLAIMS.>",
                        "$SYS.REQ.SERVER.PING.JSZ"))
            .sub(new Permission().allow("_INBOX.>"));
    return issue("platform system user", lifetime, claim);
  }

  private UserCreds issue(String name, Duration lifetime, UserClaim claim) {
    NKey user = KeyVault.newUserKey();
    String userPublicKey = KeyVault.publicKeyOf(user);
    try {
      String jwt =
          JwtUtils.issueUserJWT(
              accountSigningKey,
              userPublicKey,
              name,
              lifetime,
              JwtUtils.currentTimeSeconds(),
              claim);
      return new UserCreds(jwt, new String(user.getSeed()), userPublicKey);
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidJwtException("cannot issue the user JWT of " + name, e);
    }
  }
}
