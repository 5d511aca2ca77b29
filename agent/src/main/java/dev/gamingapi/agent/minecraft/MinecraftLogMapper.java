package dev.gamingapi.agent.minecraft;

import dev.gamingapi.agent.input.LineMapper;
import dev.gamingapi.agent.input.MappedLine;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerDied;
import dev.gamingapi.contract.event.PlayerDisconnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.ServerStopped;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the lines of a Minecraft server's {@code logs/latest.log} (vanilla, Paper, Spigot) to
 * catalog events: start and stop, joins and leaves, chat, deaths.
 *
 * <p>Players are keyed by the UUID the server logged for them ({@code UUID of player Alice is
 * ...}), or by their name when the agent did not see that line (started after the login). A death
 * message names a killer: when the killer is a player online, the line is a {@code player.killed}
 * as well as a {@code player.died}; a mob's name is only the cause.
 *
 * <p>The line's time has no date, so events carry the time they were read.
 */
public final class MinecraftLogMapper implements LineMapper {
  private static final Pattern HEADER =
      Pattern.compile(
          "\\[(?:\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)\\](?: \\[[^\\]]*/(\\w+)\\])?(?: \\[[^\\]]*\\])?: (.*)"
              + "|\\[\\d{2}:\\d{2}:\\d{2} (\\w+)\\]: (.*)",
          Pattern.DOTALL);
  private static final String NAME = "([A-Za-z0-9_]{1,16})";
  private static final Pattern UUID =
      Pattern.compile("UUID of player " + NAME + " is ([0-9a-fA-F-]{32,36})");
  private static final Pattern LOGGED_IN =
      Pattern.compile(NAME + "\\[/([^\\]]+)\\] logged in with entity id.*");
  private static final Pattern JOINED = Pattern.compile(NAME + " joined the game");
  private static final Pattern LEFT = Pattern.compile(NAME + " left the game");
  private static final Pattern LOST = Pattern.compile(NAME + " lost connection: (.*)");
  private static final Pattern CHAT =
      Pattern.compile("(?:\\[Not Secure\\] )?<" + NAME + "> (.*)", Pattern.DOTALL);
  private static final Pattern VERSION = Pattern.compile("Starting minecraft server version (.*)");
  private static final Pattern LEVEL = Pattern.compile("Preparing level \"(.*)\"");
  private static final Pattern DONE = Pattern.compile("Done \\([\\d.,]+s\\)! For help, type.*");
  private static final Pattern BY = Pattern.compile(".* by (\\S+?)(?: using .*)?");

  private final Map<String, String> uuids = new HashMap<>();
  private final Map<String, String> addresses = new HashMap<>();
  private final Map<String, String> reasons = new HashMap<>();
  private final Map<String, String> online = new HashMap<>();
  private String version;
  private String level;

  @Override
  public MappedLine map(String line) {
    Matcher header = HEADER.matcher(line.stripTrailing());
    if (!header.matches()) {
      return new MappedLine.Malformed("no '[hh:mm:ss] [thread/LEVEL]:' header");
    }
    String message = header.group(2) != null ? header.group(2) : header.group(4);
    Matcher m;
    if ((m = CHAT.matcher(message)).matches()) {
      return MappedLine.of(
          null, new PlayerChatted(id(m.group(1)), m.group(1), m.group(2), "global"));
    }
    if ((m = UUID.matcher(message)).matches()) {
      uuids.put(m.group(1), m.group(2).toLowerCase(java.util.Locale.ROOT));
      return MappedLine.of(null);
    }
    if ((m = LOGGED_IN.matcher(message)).matches()) {
      addresses.put(m.group(1), host(m.group(2)));
      return MappedLine.of(null);
    }
    if ((m = JOINED.matcher(message)).matches()) {
      String name = m.group(1);
      online.put(name, id(name));
      return MappedLine.of(null, new PlayerConnected(id(name), name, addresses.remove(name)));
    }
    if ((m = LOST.matcher(message)).matches()) {
      reasons.put(m.group(1), m.group(2));
      return MappedLine.of(null);
    }
    if ((m = LEFT.matcher(message)).matches()) {
      String name = m.group(1);
      String id = id(name);
      online.remove(name);
      return MappedLine.of(null, new PlayerDisconnected(id, reasons.remove(name)));
    }
    if ((m = VERSION.matcher(message)).matches()) {
      version = m.group(1);
      return MappedLine.of(null);
    }
    if ((m = LEVEL.matcher(message)).matches()) {
      level = m.group(1);
      return MappedLine.of(null);
    }
    if (DONE.matcher(message).matches()) {
      return MappedLine.of(null, new ServerStarted("minecraft", level, version, null));
    }
    if (message.equals("Stopping server") || message.startsWith("Stopping the server")) {
      online.clear();
      return MappedLine.of(null, new ServerStopped("stopping server"));
    }
    return death(message);
  }

  private MappedLine death(String message) {
    int space = message.indexOf(' ');
    if (space < 0 || !online.containsKey(message.substring(0, space))) {
      return new MappedLine.Unmapped();
    }
    String victim = message.substring(0, space);
    String cause = message.substring(space + 1);
    if (!DeathMessages.isDeath(cause)) {
      return new MappedLine.Unmapped();
    }
    Matcher by = BY.matcher(cause);
    if (by.matches() && online.containsKey(by.group(1)) && !by.group(1).equals(victim)) {
      String killer = id(by.group(1));
      return MappedLine.of(
          null,
          new PlayerKilled(killer, id(victim), null, null, null),
          new PlayerDied(id(victim), killer, cause));
    }
    return MappedLine.of(null, new PlayerDied(id(victim), null, cause));
  }

  private String id(String name) {
    return uuids.getOrDefault(name, name);
  }

  private static String host(String address) {
    int colon = address.lastIndexOf(':');
    return colon > 0 ? address.substring(0, colon) : address;
  }
}
