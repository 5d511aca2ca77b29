package dev.gamingapi.agent.outlet;

import java.util.Map;

/**
 * The console dialects the RCON outlet knows: how the built-in commands read as console lines, and
 * which characters an argument may not hold because that console would read them as syntax.
 */
public enum RconGame {
  /**
   * Source-engine servers (CS, TF2, Garry's Mod...). Their console splits lines at {@code ;} and
   * reads quotes, so an argument holding either could run a second command of its own choosing.
   */
  SOURCE(
      Map.of(
          "kick", "kickid {player_id}",
          "ban", "banid 0 {player_id} kick",
          "unban", "removeid {player_id}",
          "broadcast", "say {text}",
          "change_map", "changelevel {map}"),
      ";\"",
      true),

  /** Minecraft (Java edition): one command per packet, so no separator to guard against. */
  MINECRAFT(
      Map.of(
          "kick", "kick {name}",
          "ban", "ban {name}",
          "unban", "pardon {name}",
          "broadcast", "say {text}",
          "message", "tell {name} {text}",
          "save", "save-all"),
      "",
      false);

  private final Map<String, String> commands;
  private final String forbidden;
  private final boolean splitsAnswers;

  RconGame(Map<String, String> commands, String forbidden, boolean splitsAnswers) {
    this.commands = commands;
    this.forbidden = forbidden;
    this.splitsAnswers = splitsAnswers;
  }

  /** The built-in command names and their console line templates, {@code {arg}} placeholders. */
  public Map<String, String> commands() {
    return commands;
  }

  /**
   * Characters an argument may not hold besides control characters (line breaks, NUL), which no
   * console takes inside one line.
   */
  public String forbiddenInArgs() {
    return forbidden;
  }

  /**
   * Whether an answer may come in several packets of any size, so that its end is only known by
   * sending an empty probe packet after the command and reading until the probe's echo (Source).
   * Otherwise only a full packet (4096 bytes) means more follows (Minecraft), and only then is the
   * probe sent.
   */
  public boolean splitsAnswers() {
    return splitsAnswers;
  }
}
