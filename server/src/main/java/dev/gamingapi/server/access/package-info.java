/**
 * Who may do what in a tenant: users (people, game servers, apps) with one NATS credential and one
 * API token of the same scope, the operator token, shares of events between tenants, and the
 * connection quotas that suspend a user over its plan.
 */
package dev.gamingapi.server.access;
