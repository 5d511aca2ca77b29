package dev.gamingapi.agent.source;

import dev.gamingapi.agent.config.InputConfig.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The Source engine's log packet: {@code FF FF FF FF}, then {@code R} and the line for a server
 * without {@code sv_logsecret}, or {@code S}, the secret and the line for one with it; the line
 * ends in {@code \n\0}. GoldSrc's {@code log L ...} packets are read as plain ones.
 */
final class SourcePacket {
  private static final byte PLAIN = 'R';
  private static final byte SECRET = 'S';

  private SourcePacket() {}

  /**
   * The text of a packet, or empty when it is refused: not a log packet, no secret when one is
   * expected, or a secret that differs (compared in constant time).
   */
  static Optional<String> text(byte[] packet, int length, Optional<Secret> expected) {
    if (length < 6 || (packet[0] & packet[1] & packet[2] & packet[3]) != (byte) 0xFF) {
      return Optional.empty();
    }
    int start;
    if (packet[4] == SECRET) {
      if (expected.isEmpty()) {
        return Optional.empty(); // a secret we were not told of: not our server's stream
      }
      byte[] secret = expected.get().value().getBytes(StandardCharsets.UTF_8);
      if (length < 5 + secret.length + 1) {
        return Optional.empty();
      }
      byte[] given = java.util.Arrays.copyOfRange(packet, 5, 5 + secret.length);
      if (!MessageDigest.isEqual(given, secret) || packet[5 + secret.length] != 'L') {
        return Optional.empty();
      }
      start = 5 + secret.length;
    } else if (expected.isEmpty() && packet[4] == PLAIN) {
      start = 5;
    } else if (expected.isEmpty() && startsWith(packet, length, "log ")) {
      start = 8;
    } else {
      return Optional.empty();
    }
    int end = length;
    while (end > start && (packet[end - 1] == 0 || packet[end - 1] == '\n')) {
      end--;
    }
    return Optional.of(new String(packet, start, end - start, StandardCharsets.UTF_8));
  }

  private static boolean startsWith(byte[] packet, int length, String prefix) {
    if (length < 4 + prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (packet[4 + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
