package dev.gamingapi.agent.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.agent.input.MappedLine;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerKilled;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random names and messages, with quotes, angle brackets, emoji and other scripts, survive being
 * written as Half-Life log lines and read back. Seeded: a failure names its seed and repeats.
 */
class HlRoundTripTest {
  private static final int RUNS = 3000;
  // The format's one ambiguity: "x<1>" + "<2><id><team>" reads like "x" + "<1><2><id><team>".
  private static final Pattern AMBIGUOUS = Pattern.compile("<-?\\d{1,9}>");
  private static final String[] ALPHABET = {
    "a",
    "Z",
    "0",
    " ",
    "<",
    ">",
    "\"",
    "'",
    "(",
    ")",
    "[",
    "]",
    ":",
    "\\",
    "/",
    "ü",
    "é",
    "ß",
    "Ж",
    "中",
    "文",
    "🎮",
    "😀",
    "<b>",
    "\" ",
    " killed \"",
    " say \"",
    "<CT>",
    "\t",
    "%s",
    "$"
  };
  private static final String[] TEAMS = {"", "CT", "TERRORIST", "Red", "Blue", "Unassigned"};

  @Test
  void randomNamesAndMessagesRoundTripThroughTheLogFormat() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    HlLogMapper mapper = new HlLogMapper(HlFixtures.options(false));
    for (int run = 0; run < RUNS; run++) {
      String killer = name(random);
      String victim = name(random);
      String message = text(random, 1 + random.nextInt(60));
      long account = 1 + random.nextInt(Integer.MAX_VALUE);
      String steamId = steamForm(random, account);
      String expectedId = Long.toString(76561197960265728L + account);
      String killerToken = token(killer, 2 + random.nextInt(99), steamId, random);
      String victimToken = token(victim, 2 + random.nextInt(99), "BOT", random);
      String context = "seed " + seed + ", run " + run + ": ";

      PlayerChatted chat =
          only(mapper.map(line(killerToken + " say \"" + message + "\"")), PlayerChatted.class);
      assertThat(chat.name()).as(context + "name").isEqualTo(killer);
      assertThat(chat.message()).as(context + "message").isEqualTo(message);
      assertThat(chat.playerId()).as(context + "id of " + steamId).isEqualTo(expectedId);

      PlayerConnected connected =
          only(
              mapper.map(line(killerToken + " connected, address \"10.0.0.1:27005\"")),
              PlayerConnected.class);
      assertThat(connected.name()).as(context + "name").isEqualTo(killer);
      mapper.map(line(killerToken + " disconnected")); // so that the next run connects again

      List<EventData> kill =
          events(
              mapper.map(
                  line(killerToken + " killed " + victimToken + " with \"weapon_x\" (headshot)")));
      PlayerKilled killed = (PlayerKilled) kill.getFirst();
      assertThat(killed.playerId()).as(context + "killer").isEqualTo(expectedId);
      assertThat(killed.victimId()).as(context + "victim").startsWith("bot_");
      assertThat(killed.headshot()).as(context + "headshot").isTrue();
    }
  }

  private static String line(String message) {
    return "L 12/07/2026 - 10:00:00: " + message;
  }

  private static String token(String name, int uid, String steamId, Random random) {
    return "\""
        + name
        + "<"
        + uid
        + "><"
        + steamId
        + "><"
        + TEAMS[random.nextInt(TEAMS.length)]
        + ">\"";
  }

  private static String steamForm(Random random, long account) {
    return switch (random.nextInt(3)) {
      case 0 -> "STEAM_1:" + (account % 2) + ":" + (account / 2);
      case 1 -> "[U:1:" + account + "]";
      default -> Long.toString(76561197960265728L + account);
    };
  }

  private static String name(Random random) {
    while (true) {
      String name = text(random, 1 + random.nextInt(32));
      if (!name.isBlank() && !AMBIGUOUS.matcher(name).find()) {
        return name;
      }
    }
  }

  private static String text(Random random, int pieces) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return text.toString().isBlank() ? text + "x" : text.toString();
  }

  private static List<EventData> events(MappedLine mapped) {
    assertThat(mapped).isInstanceOf(MappedLine.Events.class);
    return ((MappedLine.Events) mapped).events();
  }

  private static <T> T only(MappedLine mapped, Class<T> type) {
    List<EventData> events = events(mapped);
    assertThat(events).hasSize(1).first().isInstanceOf(type);
    return type.cast(events.getFirst());
  }
}
