package dev.gamingapi.cli;

import static dev.gamingapi.cli.CliAccountsTest.json;
import static dev.gamingapi.cli.CliAccountsTest.ok;
import static dev.gamingapi.cli.CliAccountsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.CommandReceiver;
import dev.gamingapi.sdk.GameServerClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands through the CLI, run by an SDK handler, against a real {@code up}. */
class CliCommandsTest {
  @TempDir static Path dir;
  static LocalUp platform;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = LocalUp.start(dir);
    ok(platform.cli("account", "create", "arena", "--plan", "standard"));
    ok(platform.cli("server", "register", "arena", "eu-1"));
    ok(
        platform.cli(
            "user",
            "create",
            "arena",
            "eu-1-host",
            "--kind",
            "game_server",
            "--server",
            "eu-1",
            "--creds-out",
            dir.resolve("eu-1.creds").toString()));
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    platform.close();
  }

  @Test
  void aCommandIsQueuedWhileTheServerIsAwayThenRunAndFollowed() throws Exception {
    JsonNode queued =
        json(
            platform.cli(
                "command",
                "send",
                "arena",
                "eu-1",
                "kick",
                "--arg",
                "player_id=7656",
                "--ttl",
                "5m",
                "--key",
                "kick-7656",
                "--json"));
    assertThat(queued.path("status").asText()).isEqualTo("queued");
    // The same key again answers the first command, and says so.
    assertThat(
            ok(platform.cli(
                    "command",
                    "send",
                    "arena",
                    "eu-1",
                    "kick",
                    "--arg",
                    "player_id=7656",
                    "--ttl",
                    "5m",
                    "--key",
                    "kick-7656"))
                .out())
        .contains("Command " + queued.path("id").asText() + " (kick) to eu-1: queued.")
        .contains("Key kick-7656 was used already: this is that command, not a new one.");
    assertThat(queued.path("args").path("player_id").asText()).isEqualTo("7656");
    assertThat(ok(platform.cli("command", "list", "arena", "eu-1")).out())
        .startsWith("ID")
        .containsPattern(queued.path("id").asText() + " +kick +queued");

    try (GameServerClient client =
            GameServerClient.builder()
                .url(platform.brokerUrl)
                .credentials(dir.resolve("eu-1.creds"))
                .journalDir(dir.resolve("journal"))
                .build();
        CommandReceiver receiver =
            CommandReceiver.builder(client)
                .on("kick", cmd -> Map.of("kicked", cmd.args().path("player_id").asText()))
                .on(
                    "broadcast",
                    cmd -> {
                      throw new IllegalStateException("chat is muted");
                    })
                .maxDeliveries(1)
                .start()) {
      CliRun said =
          ok(
              platform.cli(
                  "command",
                  "send",
                  "arena",
                  "eu-1",
                  "kick",
                  "--arg",
                  "player_id=9",
                  "--wait",
                  "20s"));
      assertThat(said.out())
          .contains("(kick) to eu-1: succeeded")
          .containsPattern("output +kicked=9");
      refused(
          platform.cli(
              "command",
              "send",
              "arena",
              "eu-1",
              "broadcast",
              "--args",
              "{\"text\":\"hi\"}",
              "--wait",
              "20s"),
          "failed: chat is muted");
    }
    // The RESULT column is the answer itself; it began with the ": " of send's sentence.
    assertThat(ok(platform.cli("command", "list", "arena", "eu-1")).out())
        .contains("chat is muted")
        .doesNotContain(": chat is muted");
    JsonNode first =
        json(
            platform.cli("command", "show", "arena", "eu-1", queued.path("id").asText(), "--json"));
    assertThat(first.path("status").asText()).isEqualTo("succeeded");
    JsonNode failed =
        json(platform.cli("command", "list", "arena", "eu-1", "--status", "failed", "--json"));
    assertThat(failed.path("items")).hasSize(1);
    assertThat(failed.path("items").get(0).path("error").asText()).isEqualTo("chat is muted");
    // The same key again: the first command, not a new one.
    JsonNode again =
        json(
            platform.cli(
                "command",
                "send",
                "arena",
                "eu-1",
                "kick",
                "--arg",
                "player_id=7656",
                "--ttl",
                "5m",
                "--key",
                "kick-7656",
                "--json"));
    assertThat(again.path("id").asText()).isEqualTo(queued.path("id").asText());
  }

  @Test
  void badCommandsAreRefusedInOneLine() {
    refused(platform.cli("command", "send", "arena", "nope", "kick"), "nope");
    refused(platform.cli("command", "send", "arena", "eu-1", "Kick!"), "name");
    refused(platform.cli("command", "send", "arena", "eu-1", "kick", "--ttl", "0"), "ttl_seconds");
    assertThat(platform.cli("command", "send", "arena", "eu-1", "kick", "--args", "[1]").exitCode())
        .isEqualTo(2);
    assertThat(platform.cli("command", "send", "arena", "eu-1", "kick", "--ttl", "soon").exitCode())
        .isEqualTo(2);
    refused(platform.cli("command", "list", "arena", "eu-1", "--status", "lost"), "status");
  }

  @Test
  void aCustomCommandIsTakenOnceRegisteredWithItsSchema() throws Exception {
    // A server of its own: the other test's receiver would take these commands.
    ok(platform.cli("server", "register", "arena", "eu-2"));
    refused(
        platform.cli("command", "send", "arena", "eu-2", "give_item", "--arg", "item=sword"),
        "not registered for server 'eu-2'");
    ok(
        platform.cli(
            "command",
            "register",
            "arena",
            "eu-2",
            "give_item",
            "--schema",
            "{\"type\":\"object\",\"required\":[\"item\"]}"));
    assertThat(ok(platform.cli("command", "types", "arena", "eu-2")).out())
        .startsWith("NAME")
        .contains("give_item");
    refused(platform.cli("command", "send", "arena", "eu-2", "give_item"), "args");
    assertThat(
            json(platform.cli(
                    "command",
                    "send",
                    "arena",
                    "eu-2",
                    "give_item",
                    "--arg",
                    "item=sword",
                    "--json"))
                .path("status")
                .asText())
        .isEqualTo("queued");
  }
}
