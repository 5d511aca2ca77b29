package dev.gamingapi.server.oauth;

import java.util.List;

/**
 * What the operator registers.
 *
 * @param name shown to owners, at most 256 characters
 * @param homepage an absolute http(s) URL
 * @param redirectUris one or more absolute http(s) URIs without fragment
 * @param scopes the capability scopes it may ask for (null or empty: {@link GrantScope#READ})
 * @param type {@code public} (PKCE only, e.g. a single-page app) or {@code confidential} (has a
 *     secret)
 */
public record ClientSpec(
    String name, String homepage, List<String> redirectUris, List<String> scopes, String type) {
  /** Null lists become empty. */
  public ClientSpec {
    redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }
}
