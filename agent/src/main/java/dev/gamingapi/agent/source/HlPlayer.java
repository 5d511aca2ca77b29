package dev.gamingapi.agent.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A player as a Half-Life log line writes one: {@code "Name<uid><steamid><team>"}.
 *
 * <p>Names may hold any character, {@code <}, {@code >} and {@code "} included, so the token is
 * found by its structure: the first {@code <uid><steamid><team>"} after the opening quote, where
 * the uid is a number and neither id nor team holds {@code < > "}. A name that itself contains such
 * a structure cannot be told apart by anyone; that is the format's one ambiguity. CS's {@code
 * switched from team} lines leave the team out; L4D2's longer tokens ({@code
 * <team><character><state>...}) are accepted, the extra fields ignored.
 *
 * @param name the player's name as written
 * @param uid the server's user id of the session
 * @param steamId the id field as written ({@code STEAM_1:0:123}, {@code [U:1:246]}, {@code BOT})
 * @param team the team field, possibly empty
 * @param end the index just past the token's closing quote
 */
record HlPlayer(String name, int uid, String steamId, String team, int end) {
  private static final long STEAM64_BASE = 76561197960265728L;
  private static final Pattern TAIL =
      Pattern.compile("<(-?\\d{1,9})><([^<>\"]*)>(?:<([^<>\"]*)>)?(?:<[^<>\"]*>)*\"");
  private static final Pattern STEAM2 = Pattern.compile("STEAM_[0-5]:([01]):(\\d{1,10})");
  private static final Pattern STEAM3 = Pattern.compile("\\[U:1:(\\d{1,10})\\]");
  private static final Pattern STEAM64 = Pattern.compile("7656\\d{13}");

  /** The player token whose opening quote is at {@code quote}, if one is there. */
  static Optional<HlPlayer> at(String text, int quote) {
    if (quote >= text.length() || text.charAt(quote) != '"') {
      return Optional.empty();
    }
    Matcher tail = TAIL.matcher(text);
    if (!tail.find(quote + 1)) {
      return Optional.empty();
    }
    return Optional.of(
        new HlPlayer(
            text.substring(quote + 1, tail.start()),
            Integer.parseInt(tail.group(1)),
            tail.group(2),
            tail.group(3) == null ? "" : tail.group(3),
            tail.end()));
  }

  /** The console, which some games log as a player ({@code Console<0><Console><Console>}). */
  boolean isConsole() {
    return steamId.equals("Console");
  }

  /** A bot or a relay (SourceTV/HLTV): not a person. */
  boolean isBot() {
    return steamId.equals("BOT") || steamId.equals("HLTV");
  }

  /** Whether this is a person, not a bot or the console. */
  boolean isHuman() {
    return !isBot() && !isConsole();
  }

  /**
   * The player id: the SteamID64 whatever form the log wrote, so one person has one id across
   * games. Bots get {@code bot_<hash of name>}, the console {@code console}, a player without a
   * usable id ({@code STEAM_ID_PENDING}, {@code STEAM_ID_LAN}) {@code anon_<hash of name>}: none of
   * these is all digits, so none can ever equal a real player's.
   */
  String id() {
    if (isConsole()) {
      return "console";
    }
    if (isBot()) {
      return "bot_" + hash(name);
    }
    Matcher steam2 = STEAM2.matcher(steamId);
    if (steam2.matches()) {
      return Long.toString(
          STEAM64_BASE + Long.parseLong(steam2.group(2)) * 2 + Long.parseLong(steam2.group(1)));
    }
    Matcher steam3 = STEAM3.matcher(steamId);
    if (steam3.matches()) {
      return Long.toString(STEAM64_BASE + Long.parseLong(steam3.group(1)));
    }
    if (STEAM64.matcher(steamId).matches()) {
      return steamId;
    }
    return "anon_" + hash(name);
  }

  /** The name, or the id when the log wrote an empty name (events require a name). */
  String displayName() {
    return name.isBlank() ? id() : name;
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
