package dev.gamingapi.server.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.server.keys.KeyVault;
import io.nats.client.NKey;
import java.util.List;

/** Encodes the operator JWT, which nats-server trusts as the root of every account. */
public final class OperatorClaims {
  private OperatorClaims() {}

  /**
   * The operator JWT, self-signed by the operator identity key.
   *
   * @param signingKeys the operator signing keys that may sign accounts
   * @param systemAccount the public key of the system account
   */
  public static String encode(
      NKey identity, String name, List<String> signingKeys, String systemAccount, long issuedAt) {
    ObjectNode nats = Jwts.JSON.createObjectNode();
    signingKeys.forEach(nats.putArray("signing_keys")::add);
    nats.put("system_account", systemAccount);
    // The identity key then signs nothing but this JWT: a leaked signing key can be rotated
    // without changing the operator every server trusts.
    nats.put("strict_signing_key_usage", true);
    nats.put("type", "operator");
    nats.put("version", 2);
    return Jwts.sign(identity, KeyVault.publicKeyOf(identity), name, issuedAt, null, nats);
  }
}
