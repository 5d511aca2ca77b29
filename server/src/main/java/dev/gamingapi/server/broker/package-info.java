/**
 * The broker as a process and as a JetStream target: the embedded nats-server child and its config,
 * connections, and the specs and provisioning of the tenants' {@code EVENTS} and {@code COMMANDS}
 * streams.
 */
package dev.gamingapi.server.broker;
