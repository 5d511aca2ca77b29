/**
 * OAuth 2.0 authorization server for the tenants (docs/oauth.md): third-party apps ({@link
 * dev.gamingapi.server.oauth.Clients}) registered by the operator ask an account's owner for a
 * scope of the account; the owner's consent gives a {@link dev.gamingapi.server.oauth.Grant}, used
 * through short-lived signed access tokens (RFC 9068, {@link
 * dev.gamingapi.server.oauth.AccessTokens}) and rotating refresh tokens ({@link
 * dev.gamingapi.server.oauth.TokenService}), and through NATS credentials of the same scope ({@link
 * dev.gamingapi.server.oauth.NatsCredentials}). A grant's scope is the scope of an {@code app}
 * user: the REST edge sees a grant as such a user. Its SQL is in the package-private stores.
 */
package dev.gamingapi.server.oauth;
