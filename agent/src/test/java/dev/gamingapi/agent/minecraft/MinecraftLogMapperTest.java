package dev.gamingapi.agent.minecraft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.agent.input.MappedLine;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.event.EventCatalog;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinecraftLogMapperTest {
  private static final String ALICE = "069a79f4-44e9-4726-a5be-fca90e38aaf5";

  @Test
  void aVanillaLogBecomesTheEventsItDescribes() throws Exception {
    MinecraftLogMapper mapper = new MinecraftLogMapper();
    List<String> events = new ArrayList<>();
    List<String> unmapped = new ArrayList<>();
    List<String> malformed = new ArrayList<>();
    for (String line : lines()) {
      switch (mapper.map(line)) {
        case MappedLine.Events mapped ->
            mapped
                .events()
                .forEach(
                    data ->
                        events.add(
                            EventCatalog.typeOf(data)
                                + " "
                                + new String(
                                    CloudEventsCodec.encodeData(data), StandardCharsets.UTF_8)));
        case MappedLine.Unmapped none -> unmapped.add(line);
        case MappedLine.Malformed bad -> malformed.add(line);
      }
    }
    assertThat(events)
        .containsExactly(
            "server.started {\"game\":\"minecraft\",\"map\":\"world\",\"version\":\"1.21.1\"}",
            "player.connected {\"player_id\":\""
                + ALICE
                + "\",\"name\":\"Alice\",\"address\":\"203.0.113.7\"}",
            "player.connected {\"player_id\":\"Bob\",\"name\":\"Bob\"}",
            "player.chatted {\"player_id\":\""
                + ALICE
                + "\",\"name\":\"Alice\",\"message\":\"hello <Bob> \\\"quoted\\\" ünïcödé\","
                + "\"channel\":\"global\"}",
            "player.chatted {\"player_id\":\"Bob\",\"name\":\"Bob\",\"message\":\"hi\","
                + "\"channel\":\"global\"}",
            "player.killed {\"player_id\":\"Bob\",\"victim_id\":\"" + ALICE + "\"}",
            "player.died {\"player_id\":\""
                + ALICE
                + "\",\"killer_id\":\"Bob\",\"cause\":\"was slain by Bob using [Excalibur]\"}",
            "player.died {\"player_id\":\"Bob\",\"cause\":\"was shot by Skeleton\"}",
            "player.died {\"player_id\":\"Bob\",\"cause\":\"fell from a high place\"}",
            "player.disconnected {\"player_id\":\"Bob\",\"reason\":\"Disconnected\"}",
            "server.stopped {\"reason\":\"stopping server\"}");
    assertThat(unmapped)
        .hasSize(2)
        .anyMatch(line -> line.contains("Environment"))
        .anyMatch(line -> line.contains("advancement"));
    assertThat(malformed).containsExactly("not a log line");
  }

  @Test
  void paperHeadersAreReadToo() {
    MappedLine mapped = new MinecraftLogMapper().map("[10:01:00 INFO]: Carol joined the game");
    assertThat(mapped).isInstanceOf(MappedLine.Events.class);
    assertThat(((MappedLine.Events) mapped).events()).hasSize(1);
  }

  private static List<String> lines() throws Exception {
    try (InputStream in =
        MinecraftLogMapperTest.class.getResourceAsStream("/minecraft/latest.log")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
