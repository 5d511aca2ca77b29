/**
 * Server status: started, stopped or unresponsive, map, players online, from the log and
 * heartbeats.
 */
package dev.gamingapi.server.readmodel.status;
