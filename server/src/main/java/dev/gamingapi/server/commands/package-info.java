/**
 * Commands to game servers: validated against their registered types, queued in the tenant's {@code
 * COMMANDS} stream while the server is offline, and tracked to their result from the server's
 * {@code command.*} events.
 */
package dev.gamingapi.server.commands;
