/** Player profiles: names, sessions, play time and statistics per player, folded from the log. */
package dev.gamingapi.server.readmodel.profiles;
