/**
 * Tenants: an account is one NATS account with the quotas of its plan. Creating, changing plan and
 * deleting accounts; the one writer of account JWTs ({@code AccountJwts}), which carries plans,
 * revocations and the shares between tenants; the tenant's streams through {@code TenantBroker};
 * usage and connection counts.
 */
package dev.gamingapi.server.accounts;
