package dev.gamingapi.agent.minecraft;

import java.util.List;

/**
 * The starts of Minecraft's death messages (after the victim's name), from the game's language
 * file: {@code was slain by}, {@code drowned}, {@code fell from a high place}... A line from an
 * online player's name followed by one of these is a death; anything else a player's name starts (a
 * plugin's message) is not.
 */
final class DeathMessages {
  private static final List<String> STARTS =
      List.of(
          "was ",
          "were ",
          "drowned",
          "died",
          "blew up",
          "burned to death",
          "burnt to a crisp",
          "discovered the floor was lava",
          "didn't want to live",
          "experienced kinetic energy",
          "fell ",
          "froze to death",
          "hit the ground too hard",
          "left the confines of this world",
          "starved to death",
          "suffocated in a wall",
          "tried to swim in lava",
          "walked into ",
          "went off with a bang",
          "went up in flames",
          "withered away");

  private DeathMessages() {}

  static boolean isDeath(String rest) {
    for (String start : STARTS) {
      if (rest.startsWith(start)) {
        return true;
      }
    }
    return false;
  }
}
