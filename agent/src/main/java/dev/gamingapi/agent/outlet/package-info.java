/**
 * Command outlets: how the agent hands the platform's commands on to a game server that speaks no
 * NATS. {@link dev.gamingapi.agent.outlet.Outlets#open} turns an {@link
 * dev.gamingapi.agent.outlet.OutletSettings} record into a {@link
 * dev.gamingapi.agent.outlet.CommandOutlet} whose {@code run} the agent registers on the SDK's
 * {@code CommandReceiver}, which brings ordering, expiry, retries and the result events.
 */
package dev.gamingapi.agent.outlet;
