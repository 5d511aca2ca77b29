package dev.gamingapi.server.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.server.accounts.plans.Plan;
import dev.gamingapi.server.keys.KeyVault;
import io.nats.client.NKey;

/**
 * Encodes account JWTs (nats-io/jwt v2 field names; jnats has no account claim classes).
 *
 * <p>Every limit is always written: nats-server reads an omitted limit as 0, not as unlimited, and
 * an account without a {@code limits} block refuses every connection.
 */
public final class AccountClaims {
  private static final long UNLIMITED = -1;

  private AccountClaims() {}

  /**
   * The JWT of a tenant account with {@code plan}'s JetStream limits.
   *
   * <p>The plan counts the tenant's data once; nats-server 2.9 charges the account for every
   * replica (an R3 stream of 768 MiB reserves 2.25 GiB), so the storage limits are the plan's times
   * {@code replicas}.
   *
   * @param operatorSigner an operator signing key (the identity key is refused in strict mode)
   * @param accountSigningKey the public key that signs the account's users
   * @param replicas the replicas of the account's streams: 1 on a single node, 3 on a cluster
   */
  public static String tenant(
      NKey operatorSigner,
      String accountPublicKey,
      String name,
      String accountSigningKey,
      Plan plan,
      int replicas,
      long issuedAt) {
    return tenant(
        operatorSigner,
        accountPublicKey,
        name,
        accountSigningKey,
        plan,
        replicas,
        issuedAt,
        TenantGrants.NONE);
  }

  /**
   * The JWT of a tenant account with {@code plan}'s JetStream limits (storage times {@code
   * replicas}), its revoked user keys and the exports and imports of its shares.
   */
  public static String tenant(
      NKey operatorSigner,
      String accountPublicKey,
      String name,
      String accountSigningKey,
      Plan plan,
      int replicas,
      long issuedAt,
      TenantGrants grants) {
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be at least 1, got " + replicas);
    }
    ObjectNode limits = commonLimits(plan.maxPayload());
    limits.put("mem_storage", plan.memoryStorage() * replicas);
    limits.put("disk_storage", plan.diskStorage() * replicas);
    limits.put("streams", plan.streams());
    limits.put("consumer", plan.consumers());
    ObjectNode nats = body(limits, accountSigningKey);
    grants.writeTo(nats);
    return Jwts.sign(operatorSigner, accountPublicKey, name, issuedAt, null, nats);
  }

  /** The JWT of the system account: no JetStream, otherwise unlimited. */
  public static String system(
      NKey operatorSigner, String accountPublicKey, String accountSigningKey, long issuedAt) {
    ObjectNode limits = commonLimits(UNLIMITED);
    // Both storage limits 0 switch JetStream off for the account, which the system account must be.
    limits.put("mem_storage", 0);
    limits.put("disk_storage", 0);
    limits.put("streams", 0);
    limits.put("consumer", 0);
    return Jwts.sign(
        operatorSigner, accountPublicKey, "SYS", issuedAt, null, body(limits, accountSigningKey));
  }

  /**
   * The request body of {@code $SYS.REQ.CLAIMS.DELETE}: a generic JWT self-signed by an operator
   * signing key, listing the accounts to delete from the resolver.
   */
  public static String deletion(NKey operatorSigner, String accountPublicKey, long issuedAt) {
    ObjectNode nats = Jwts.JSON.createObjectNode();
    nats.putArray("accounts").add(accountPublicKey);
    nats.put("type", "generic");
    nats.put("version", 2);
    return Jwts.sign(
        operatorSigner,
        KeyVault.publicKeyOf(operatorSigner),
        "delete " + accountPublicKey,
        issuedAt,
        null,
        nats);
  }

  private static ObjectNode commonLimits(long payload) {
    ObjectNode limits = Jwts.JSON.createObjectNode();
    limits.put("subs", UNLIMITED);
    limits.put("data", UNLIMITED);
    limits.put("payload", payload);
    limits.put("imports", UNLIMITED);
    limits.put("exports", UNLIMITED);
    limits.put("wildcards", true);
    // Always -1: on nats-server 2.9.10 any account update applies the connection limit to the
    // account's internal JetStream clients too (one per stream and consumer), and the streams then
    // answer "503 No Responders" until a restart (fixed upstream in 2.11.2). Connection quotas are
    // enforced by the platform instead.
    limits.put("conn", UNLIMITED);
    limits.put("leaf", UNLIMITED);
    limits.put("max_ack_pending", UNLIMITED);
    limits.put("mem_max_stream_bytes", UNLIMITED);
    limits.put("disk_max_stream_bytes", UNLIMITED);
    limits.put("max_bytes_required", false);
    return limits;
  }

  private static ObjectNode body(ObjectNode limits, String accountSigningKey) {
    ObjectNode nats = Jwts.JSON.createObjectNode();
    nats.set("limits", limits);
    nats.putArray("signing_keys").add(accountSigningKey);
    nats.put("type", "account");
    nats.put("version", 2);
    return nats;
  }
}
