package dev.gamingapi.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Half-Life match log says about its players and its server, folded straight from the lines
 * with a few regular expressions, independently of the agent's mapper: the oracle that the
 * platform's leaderboards, profiles and server status are compared with. Times are read as UTC.
 */
final class MatchFold {
  private static final Pattern HEADER =
      Pattern.compile("L (\\d\\d)/(\\d\\d)/(\\d{4}) - (\\d\\d):(\\d\\d):(\\d\\d): (.*)");
  private static final String TOKEN = "\"(.+?)<(\\d+)><([^<>\"]*)>(?:<[^<>\"]*>)?\"";
  private static final String POSITION = "(?: \\[[^\\]]*\\])?";
  private static final Pattern KILLED =
      Pattern.compile(TOKEN + POSITION + " killed " + TOKEN + POSITION + " with \"[^\"]*\".*");
  private static final Pattern SUICIDE = Pattern.compile(TOKEN + " committed suicide with .*");
  private static final Pattern SAID = Pattern.compile(TOKEN + " say(?:_team)? \".*");
  private static final Pattern CONNECTED = Pattern.compile(TOKEN + " connected, address .*");
  private static final Pattern DISCONNECTED = Pattern.compile(TOKEN + " disconnected.*");
  private static final Pattern LOG_STARTED =
      Pattern.compile(
          "Log file started.*\\(game \"(?:.*/)?([^/\"]+)\"\\) \\(version \"([^\"]*)\"\\)");
  private static final Pattern LOADING = Pattern.compile("Loading map \"([^\"]*)\"");
  private static final long STEAM64_BASE = 76561197960265728L;

  /** One player as the log tells of them. */
  static final class Player {
    final String id;
    String name;
    final List<String> names = new ArrayList<>();
    int kills;
    int deaths;
    int chats;
    int sessions;
    long playSeconds;
    int lastKillLine = -1;
    Instant connectedAt;

    Player(String id) {
      this.id = id;
    }
  }

  final Map<String, Player> players = new LinkedHashMap<>();
  String game;
  String version;
  String map;
  Instant startedAt;
  Instant stoppedAt;

  static MatchFold of(List<String> lines) {
    MatchFold fold = new MatchFold();
    for (int index = 0; index < lines.size(); index++) {
      Matcher header = HEADER.matcher(lines.get(index));
      Optional<Instant> time = header.matches() ? time(header) : Optional.empty();
      if (time.isPresent()) {
        fold.line(index, time.get(), header.group(7));
      }
    }
    return fold;
  }

  private void line(int index, Instant time, String message) {
    Matcher m;
    if ((m = KILLED.matcher(message)).matches()) {
      Player killer = player(m.group(1), m.group(3));
      killer.kills++;
      killer.lastKillLine = index;
      player(m.group(4), m.group(6)).deaths++;
    } else if ((m = SUICIDE.matcher(message)).matches()) {
      player(m.group(1), m.group(3)).deaths++;
    } else if ((m = SAID.matcher(message)).matches()) {
      player(m.group(1), m.group(3)).chats++;
    } else if ((m = CONNECTED.matcher(message)).matches()) {
      Player player = player(m.group(1), m.group(3));
      player.name = m.group(1);
      if (!player.names.contains(m.group(1))) {
        player.names.add(m.group(1));
      }
      player.connectedAt = time;
    } else if ((m = DISCONNECTED.matcher(message)).matches()) {
      close(player(m.group(1), m.group(3)), time);
    } else if ((m = LOG_STARTED.matcher(message)).matches()) {
      game = m.group(1);
      version = m.group(2);
    } else if ((m = LOADING.matcher(message)).matches()) {
      map = m.group(1);
      startedAt = time;
    } else if (message.startsWith("Log file closed")) {
      stoppedAt = time;
      players.values().forEach(player -> close(player, time));
    }
  }

  private static void close(Player player, Instant time) {
    if (player.connectedAt != null) {
      player.sessions++;
      player.playSeconds += Duration.between(player.connectedAt, time).toSeconds();
      player.connectedAt = null;
    }
  }

  /** The kills board as the platform ranks it: most kills first, then who reached them first. */
  List<Player> killsBoard() {
    return players.values().stream()
        .filter(player -> player.kills > 0)
        .sorted(
            Comparator.comparingInt((Player player) -> -player.kills)
                .thenComparingInt(player -> player.lastKillLine)
                .thenComparing(player -> player.id))
        .toList();
  }

  /** The players who connected (the console and others only named in lines are left out). */
  List<Player> connected() {
    return players.values().stream().filter(player -> player.name != null).toList();
  }

  private Player player(String name, String steamId) {
    return players.computeIfAbsent(id(name, steamId), Player::new);
  }

  /** SteamID64 from {@code STEAM_X:Y:Z} or {@code [U:1:N]}; bots by their name's hash. */
  static String id(String name, String steamId) {
    if (steamId.equals("Console")) {
      return "console";
    }
    Matcher steam2 = Pattern.compile("STEAM_\\d:([01]):(\\d+)").matcher(steamId);
    if (steam2.matches()) {
      return Long.toString(
          STEAM64_BASE + Long.parseLong(steam2.group(2)) * 2 + Long.parseLong(steam2.group(1)));
    }
    Matcher steam3 = Pattern.compile("\\[U:1:(\\d+)\\]").matcher(steamId);
    if (steam3.matches()) {
      return Long.toString(STEAM64_BASE + Long.parseLong(steam3.group(1)));
    }
    if (steamId.equals("BOT")) {
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        return "bot_" + HexFormat.of().formatHex(digest, 0, 8);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException("the fold does not know the id " + steamId);
  }

  private static Optional<Instant> time(Matcher header) {
    try {
      return Optional.of(
          LocalDateTime.of(
                  Integer.parseInt(header.group(3)),
                  Integer.parseInt(header.group(1)),
                  Integer.parseInt(header.group(2)),
                  Integer.parseInt(header.group(4)),
                  Integer.parseInt(header.group(5)),
                  Integer.parseInt(header.group(6)))
              .toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return Optional.empty(); // "13/45/2026": no such day, the line says nothing
    }
  }
}
