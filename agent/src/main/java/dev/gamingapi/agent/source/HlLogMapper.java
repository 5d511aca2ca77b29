package dev.gamingapi.agent.source;

import dev.gamingapi.agent.config.InputConfig.HlOptions;
import dev.gamingapi.agent.input.LineMapper;
import dev.gamingapi.agent.input.MappedLine;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.ServerStopped;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps Half-Life Log Standard lines (rev 1.03, as CS2, CS:GO, TF2, Garry's Mod and L4D2 write them)
 * to catalog events. Player lines go to {@link HlPlayerLines}, round and match lines to {@link
 * HlMatches}; this class reads the header and the server's own lines (log file started, map loaded,
 * log closed).
 *
 * <p>One instance per input: it remembers the game, version and map for {@code server.started} and
 * which players are connected, so a line's meaning may depend on the lines before it.
 */
public final class HlLogMapper implements LineMapper {
  private static final Pattern LOG_STARTED =
      Pattern.compile("Log file started(?: \\(file \"[^\"]*\"\\))?(.*)");
  private static final Pattern GAME = Pattern.compile("\\(game \"([^\"]*)\"\\)");
  private static final Pattern VERSION = Pattern.compile("\\(version \"([^\"]*)\"\\)");
  private static final Pattern MAP = Pattern.compile("(Loading|Started) map \"([^\"]*)\".*");

  private final HlOptions options;
  private final HlMatches matches = new HlMatches();
  private final HlPlayerLines players;
  private String game;
  private String version;
  private String announcedMap;

  /** A mapper with the input's options (zone, bots, action table). */
  public HlLogMapper(HlOptions options) {
    this.options = options;
    this.players = new HlPlayerLines(options);
  }

  @Override
  public MappedLine map(String raw) {
    String line = trimEnd(raw);
    Optional<HlLine> parsed = HlLine.parse(line, options.timezone());
    if (parsed.isEmpty()) {
      return new MappedLine.Malformed("no 'L MM/DD/YYYY - hh:mm:ss:' header");
    }
    ZonedDateTime time = parsed.get().time();
    String message = parsed.get().message();
    if (message.startsWith("\"")) {
      return players.map(time, message);
    }
    if (message.startsWith("World triggered ")
        || message.startsWith("Team \"")
        || message.startsWith("Game Over:")) {
      return matches.map(time, message, announcedMap);
    }
    return serverLine(time, message);
  }

  private MappedLine serverLine(ZonedDateTime time, String message) {
    Matcher started = LOG_STARTED.matcher(message);
    if (started.matches()) {
      Matcher gameDir = GAME.matcher(started.group(1));
      Matcher versionField = VERSION.matcher(started.group(1));
      game = gameDir.find() ? lastSegment(gameDir.group(1)) : game;
      version = versionField.find() ? versionField.group(1) : version;
      announcedMap = null;
      return MappedLine.of(time.toInstant()); // state only: the map line announces the start
    }
    Matcher map = MAP.matcher(message);
    if (map.matches()) {
      String name = map.group(2);
      // Games write "Loading map" then "Started map" for the same map: one start, not two.
      if (name.equals(announcedMap) && map.group(1).equals("Started")) {
        return MappedLine.of(time.toInstant());
      }
      announcedMap = name;
      matches.mapChanged();
      return MappedLine.of(time.toInstant(), new ServerStarted(game, name, version, null));
    }
    if (message.startsWith("Log file closed")) {
      return MappedLine.of(time.toInstant(), new ServerStopped("log file closed"));
    }
    if (message.startsWith("Server shutting down") || message.startsWith("Server shutdown")) {
      return MappedLine.of(time.toInstant(), new ServerStopped("shutdown"));
    }
    return new MappedLine.Unmapped();
  }

  private static String lastSegment(String path) {
    String trimmed = path.replaceAll("[/\\\\]+$", "");
    int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
    String segment = trimmed.substring(cut + 1);
    return segment.isEmpty() ? null : segment;
  }

  /** Drops what packets and files put after the text: CR, LF and the packet's NUL. */
  static String trimEnd(String raw) {
    int end = raw.length();
    while (end > 0
        && (raw.charAt(end - 1) == '\n'
            || raw.charAt(end - 1) == '\r'
            || raw.charAt(end - 1) == '\0')) {
      end--;
    }
    return raw.substring(0, end);
  }
}
