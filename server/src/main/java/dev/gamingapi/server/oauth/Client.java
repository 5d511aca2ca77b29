package dev.gamingapi.server.oauth;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A third-party application registered by the operator. Its secret, if any, is not part of it: it
 * is shown once, in {@link RegisteredClient}, and stored hashed.
 *
 * @param clientId the {@code client_id} of the protocol, {@code cli_} and 22 base64url characters
 * @param name shown to owners on the consent page
 * @param homepage where owners can learn about the app
 * @param redirectUris where codes may be sent; a request's {@code redirect_uri} must equal one
 * @param scopes the capability scopes ({@link GrantScope#READ}, {@link GrantScope#COMMANDS}) it may
 *     ask for
 * @param confidential whether it has a secret and must authenticate at the token endpoint
 * @param createdAt when it was registered
 */
public record Client(
    String clientId,
    String name,
    String homepage,
    List<String> redirectUris,
    List<String> scopes,
    boolean confidential,
    Instant createdAt) {
  /** Copies the lists. */
  public Client {
    redirectUris = List.copyOf(redirectUris);
    scopes = List.copyOf(scopes);
  }

  /** Whether {@code uri} is one of its redirect URIs, compared as strings (RFC 9700: exactly). */
  public boolean redirectsTo(String uri) {
    return uri != null && redirectUris.contains(uri);
  }

  /** {@code public} or {@code confidential}, as in requests and answers. */
  public String type() {
    return confidential ? "confidential" : "public";
  }

  static boolean isAbsoluteHttp(String uri) {
    try {
      URI parsed = new URI(uri);
      return parsed.isAbsolute()
          && (parsed.getScheme().equals("https") || parsed.getScheme().equals("http"))
          && parsed.getHost() != null
          && parsed.getFragment() == null;
    } catch (Exception e) {
      return false;
    }
  }
}
