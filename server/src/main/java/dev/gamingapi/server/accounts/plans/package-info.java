/**
 * Plans: the quotas a tenant can be on (JetStream memory and disk, streams, consumers, payload,
 * retention, connections, API rate), built-in and from a plans file. Below both accounts and jwt,
 * which encodes a plan's limits into the account JWT.
 */
package dev.gamingapi.server.accounts.plans;
