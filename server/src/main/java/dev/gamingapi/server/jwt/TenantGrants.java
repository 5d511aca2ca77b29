package dev.gamingapi.server.jwt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.NKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a tenant account's JWT carries besides its limits: revoked user keys, and the stream exports
 * and imports that implement shares between tenants.
 *
 * <p>Exports require an activation token ({@code token_req}): even though only the platform pushes
 * account JWTs, an export that any account could import would turn a leaked or forged import into a
 * data leak. Each import carries a token signed by the exporting account for that grantee.
 *
 * @param revocations revoked user public keys with the time (epoch seconds) up to which their JWTs
 *     are refused
 * @param exports subjects this account exports as streams
 * @param imports streams this account imports from others
 */
public record TenantGrants(
    Map<String, Long> revocations, Set<String> exports, List<StreamImport> imports) {
  /** No revocations, exports or imports. */
  public static final TenantGrants NONE =
      new TenantGrants(new TreeMap<>(), new TreeSet<>(), List.of());

  /** Copies; sorted collections keep the JWT identical for identical grants. */
  public TenantGrants {
    revocations = new TreeMap<>(revocations);
    exports = new TreeSet<>(exports);
    imports = List.copyOf(imports);
  }

  /**
   * A stream import.
   *
   * @param name shown in the broker's account info
   * @param subject the exporter's subject
   * @param exporter the exporting account's public key
   * @param localSubject where the grantee's users see the messages
   * @param token the exporter's activation token for this grantee
   */
  public record StreamImport(
      String name, String subject, String exporter, String localSubject, String token) {}

  /**
   * The activation token by which {@code exporterAccountKey} lets {@code granteePublicKey} import
   * {@code subject}, issued at {@code issuedAt} (epoch seconds; the share's creation time, so the
   * same share always gives the same token and an unchanged account is not pushed again).
   */
  public static String activation(
      NKey exporterAccountKey, String granteePublicKey, String subject, long issuedAt) {
    ObjectNode nats = Jwts.JSON.createObjectNode();
    nats.put("subject", subject);
    nats.put("kind", "stream");
    nats.put("type", "activation");
    nats.put("version", 2);
    return Jwts.sign(
        exporterAccountKey, granteePublicKey, "share " + subject, issuedAt, null, nats);
  }

  void writeTo(ObjectNode nats) {
    if (!revocations.isEmpty()) {
      ObjectNode revoked = nats.putObject("revocations");
      revocations.forEach(revoked::put);
    }
    if (!exports.isEmpty()) {
      ArrayNode list = nats.putArray("exports");
      for (String subject : exports) {
        ObjectNode export = list.addObject();
        export.put("name", "events " + subject);
        export.put("subject", subject);
        export.put("type", "stream");
        export.put("token_req", true);
      }
    }
    if (!imports.isEmpty()) {
      ArrayNode list = nats.putArray("imports");
      for (StreamImport imported : imports) {
        ObjectNode node = list.addObject();
        node.put("name", imported.name());
        node.put("subject", imported.subject());
        node.put("account", imported.exporter());
        node.put("local_subject", imported.localSubject());
        node.put("token", imported.token());
        node.put("type", "stream");
      }
    }
  }
}
