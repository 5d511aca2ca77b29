/** Game servers registered in an account; game-server users are bound to one. */
package dev.gamingapi.server.servers;
