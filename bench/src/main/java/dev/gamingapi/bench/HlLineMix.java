package dev.gamingapi.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Counter-Strike server's log as it flows during play with {@code mp_logdetail 3}: per round of
 * 20 lines, damage ({@code attacked}, the most frequent line and mapped to no event), kills, chat,
 * a purchase, a grenade, a bomb plant, team scores and the round's start and end, among 10 players.
 * Lines carry a time one second apart, so a match id or a session never repeats oddly.
 */
final class HlLineMix {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM/dd/yyyy - HH:mm:ss");
  private static final String[] WEAPONS = {"ak47", "m4a1", "awp", "deagle", "usp_silencer"};

  private HlLineMix() {}

  /** {@code count} lines, starting with the map load and the match start. */
  static List<String> lines(int count) {
    List<String> lines = new ArrayList<>(count);
    LocalDateTime time = LocalDateTime.of(2026, 12, 7, 10, 0);
    lines.add(at(time, "Loading map \"de_dust2\""));
    lines.add(at(time, "World triggered \"Match_Start\" on \"de_dust2\""));
    for (int i = 0; lines.size() < count; i++) {
      time = time.plusSeconds(1);
      String a = player(i);
      String b = player(i + 5);
      String weapon = WEAPONS[i % WEAPONS.length];
      String line =
          switch (i % 20) {
            case 0 -> "World triggered \"Round_Start\"";
            case 1, 3, 5, 7, 9, 11 ->
                a
                    + " [100 200 30] attacked "
                    + b
                    + " [110 210 30] with \""
                    + weapon
                    + "\" (damage \"27\") (damage_armor \"3\") (health \"73\") (armor \"97\")"
                    + " (hitgroup \"chest\")";
            case 2, 8 -> a + " [100 200 30] killed " + b + " [110 210 30] with \"" + weapon + "\"";
            case 4 -> a + " say \"nice shot\"";
            case 6 -> a + " purchased \"" + weapon + "\"";
            case 10 -> a + " threw flashbang [1 2 3] flashbang entindex 170)";
            case 12 -> a + " triggered \"Planted_The_Bomb\" at bombsite B";
            case 13 -> b + " say_team \"rotate\"";
            case 14, 15 -> a + " [100 200 30] attacked " + b + " [110 210 30] with \"hegrenade\"";
            case 16 -> "Team \"CT\" scored \"" + (i / 20) + "\" with \"5\" players";
            case 17 -> "Team \"TERRORIST\" scored \"" + (i / 40) + "\" with \"5\" players";
            case 18 -> "World triggered \"Round_End\"";
            default -> a + " [100 200 30] killed " + b + " [110 210 30] with \"knife\"";
          };
      lines.add(at(time, line));
    }
    return lines;
  }

  /** The Source log packet of {@code line}: FF FF FF FF, 'S', the secret, the line, "\n\0". */
  static byte[] packet(String secret, String line) {
    byte[] text = ("S" + secret + line + "\n\0").getBytes(StandardCharsets.UTF_8);
    byte[] packet = new byte[4 + text.length];
    Arrays.fill(packet, 0, 4, (byte) 0xFF);
    System.arraycopy(text, 0, packet, 4, text.length);
    return packet;
  }

  private static String player(int index) {
    int slot = index % 10;
    String team = slot < 5 ? "CT" : "TERRORIST";
    return "\"Player " + slot + "<" + (slot + 2) + "><[U:1:" + (1000 + slot) + "]><" + team + ">\"";
  }

  private static String at(LocalDateTime time, String message) {
    return "L " + TIME.format(time) + ": " + message;
  }
}
