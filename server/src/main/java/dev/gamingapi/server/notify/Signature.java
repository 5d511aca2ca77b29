package dev.gamingapi.server.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a generic webhook: {@code v1=} and the hex HMAC-SHA256, keyed with the rule's
 * secret, of the timestamp (Unix seconds, as in header {@value #TIMESTAMP}), a dot and the raw
 * body. Signing the timestamp lets a receiver refuse a replayed request; docs/notifications.md
 * shows how to verify it.
 */
public final class Signature {
  /** The header with the Unix time the request was signed at. */
  public static final String TIMESTAMP = "GamingAPI-Timestamp";

  /** The header with the signature. */
  public static final String HEADER = "GamingAPI-Signature";

  private Signature() {}

  /** {@code v1=<hex>} for {@code body} sent at {@code timestamp}. */
  public static String sign(String secret, long timestamp, byte[] body) {
    return "v1=" + HexFormat.of().formatHex(mac(secret, timestamp, body));
  }

  /** Whether {@code header} is a valid signature of {@code body} at {@code timestamp}. */
  public static boolean verify(String secret, long timestamp, byte[] body, String header) {
    if (header == null || !header.startsWith("v1=")) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(3));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, mac(secret, timestamp, body));
  }

  private static byte[] mac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
