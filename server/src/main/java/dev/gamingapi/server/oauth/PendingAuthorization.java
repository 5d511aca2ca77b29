package dev.gamingapi.server.oauth;

/**
 * An authorization request that passed its checks: the app, and the scope it asks for.
 *
 * @param request the request as sent
 * @param client the app
 * @param requested the scope it asks for (already within what the app may ask)
 */
public record PendingAuthorization(
    AuthorizationRequest request, Client client, GrantScope requested) {}
