/**
 * The OAuth 2.0 protocol endpoints (docs/oauth.md): the authorization endpoint with its consent
 * pages, the token, introspection and revocation endpoints, the server metadata and the JWKS, and
 * NATS credentials for apps. They answer the RFCs' own formats ({@code error} and {@code
 * error_description}), not problem documents; the operator's and owners' OAuth routes are in {@code
 * http} with the rest of the REST API.
 */
package dev.gamingapi.server.http.oauth;
