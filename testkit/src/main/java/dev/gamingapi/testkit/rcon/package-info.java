/**
 * A game server's RCON end (Source and Minecraft dialects) for the agent's tests and benchmarks.
 */
package dev.gamingapi.testkit.rcon;
