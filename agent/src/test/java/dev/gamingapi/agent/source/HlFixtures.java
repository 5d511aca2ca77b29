package dev.gamingapi.agent.source;

import dev.gamingapi.agent.config.ActionMapping;
import dev.gamingapi.agent.config.InputConfig.HlOptions;
import dev.gamingapi.agent.input.MappedLine;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.ScoreOperator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The test log files and what the mapper makes of them, as readable text. */
final class HlFixtures {
  static final String ALICE = "76561197960290418"; // [U:1:24690]
  static final String BOB = "76561197960274213"; // STEAM_1:1:4242

  private HlFixtures() {}

  static HlOptions options(boolean excludeBots) {
    return new HlOptions(
        false,
        excludeBots,
        ZoneOffset.UTC,
        Map.of(
            "Planted_The_Bomb", new ActionMapping.Score("bomb_plants", 1, ScoreOperator.INCR),
            "kill assist", new ActionMapping.Score("assists", 1, ScoreOperator.INCR),
            "custom_action", new ActionMapping.Score("custom_actions", 5, ScoreOperator.BEST),
            "flagevent", new ActionMapping.Custom("flag_event")));
  }

  static List<String> lines(String resource) {
    try (InputStream in = HlFixtures.class.getResourceAsStream("/hl/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What mapping every line of {@code resource} gives. */
  static Result map(String resource, boolean excludeBots) {
    HlLogMapper mapper = new HlLogMapper(options(excludeBots));
    Result result = new Result();
    for (String line : lines(resource)) {
      switch (mapper.map(line)) {
        case MappedLine.Events events -> {
          events.events().forEach(data -> result.events.add(render(data)));
          result.excluded += events.excluded();
        }
        case MappedLine.Unmapped unmapped -> result.unmapped.add(line);
        case MappedLine.Malformed malformed -> result.malformed.add(line);
      }
    }
    return result;
  }

  /** {@code type player_id body}, e.g. {@code player.connected 7656... {"player_id":...}}. */
  static String render(EventData data) {
    return EventCatalog.typeOf(data)
        + " "
        + EventCatalog.playerOf(data)
        + " "
        + new String(CloudEventsCodec.encodeData(data), StandardCharsets.UTF_8);
  }

  static String botId(String name) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
    return "bot_" + HexFormat.of().formatHex(digest, 0, 8);
  }

  static final class Result {
    final List<String> events = new ArrayList<>();
    final List<String> unmapped = new ArrayList<>();
    final List<String> malformed = new ArrayList<>();
    int excluded;
  }
}
