package dev.gamingapi.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordEmbedTest {
  private static Rule rule(String template) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new Rule(
        "ntf_x",
        "acme",
        "r",
        Rule.DISCORD,
        "https://discord.com/api/webhooks/1/t",
        null,
        List.of(),
        List.of(),
        template,
        30,
        null,
        null,
        null,
        0,
        now,
        now);
  }

  /** Checks every limit Discord enforces on one embed. */
  static void assertWithinDiscordLimits(JsonNode body) {
    JsonNode embed = body.path("embeds").get(0);
    assertThat(body.path("embeds")).hasSize(1);
    assertThat(embed.path("title").asText().length()).isBetween(1, 256);
    assertThat(embed.path("description").asText("").length()).isLessThanOrEqualTo(4096);
    assertThat(embed.path("footer").path("text").asText().length()).isLessThanOrEqualTo(2048);
    assertThat(embed.path("fields").size()).isLessThanOrEqualTo(25);
    for (JsonNode field : embed.path("fields")) {
      assertThat(field.path("name").asText().length()).isBetween(1, 256);
      assertThat(field.path("value").asText().length()).isBetween(1, 1024);
    }
    assertThat(DiscordEmbed.total(body)).isLessThanOrEqualTo(6000);
    assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
  }

  @Test
  void aVeryLongChatMessageStaysWithinDiscordsLimits() {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("player_id", "76561198000000001");
    data.put("name", "A".repeat(400));
    data.put("message", "@everyone " + "spam ".repeat(5000));
    for (int i = 0; i < 40; i++) {
      data.put("extra_" + i, "x".repeat(2000));
    }
    NotifyEvent event =
        new NotifyEvent(
            1, "e1", "player.chatted", "eu-1", "76561198000000001", Instant.now(), data);
    JsonNode body = DiscordEmbed.of(rule(null), event);
    assertWithinDiscordLimits(body);
    assertThat(body.path("embeds").get(0).path("description").asText()).startsWith("@everyone");
    JsonNode templated = DiscordEmbed.of(rule("{{data.message}} {{data.message}}"), event);
    assertWithinDiscordLimits(templated);
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00".repeat(3000);
    String cut = DiscordEmbed.cut(emoji, 4096);
    assertThat(cut.length()).isLessThanOrEqualTo(4096);
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
  }

  @Test
  void theDefaultsNameWhatHappened() {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("map", "dust");
    NotifyEvent started =
        new NotifyEvent(1, "e", "server.started", "eu-1", null, Instant.now(), data);
    JsonNode embed = DiscordEmbed.of(rule(null), started).path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("Server eu-1 is up");
    assertThat(embed.path("description").asText()).isEqualTo("Map: dust");
  }
}
