package dev.gamingapi.server.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.sdk.CommandReceiver;
import dev.gamingapi.sdk.CommandSender;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.sdk.InvalidCommandException;
import dev.gamingapi.sdk.NotPermittedException;
import dev.gamingapi.sdk.ResourceNotFoundException;
import dev.gamingapi.sdk.SendOptions;
import dev.gamingapi.sdk.SentCommand;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's {@link CommandSender} against a real platform: it sends over REST, the idempotency key
 * queues once, and refusals come back as typed exceptions naming the problem.
 */
@OnEachDatabase
class CommandSenderSdkTest extends PlatformPerClass {
  @TempDir Path journals;

  @Test
  void sendsFollowsAndDeDuplicates() throws Exception {
    fixture.account("sdk-snd", "standard");
    fixture.server("sdk-snd", "s1");
    PlatformFixture.Issued bot =
        fixture.user("sdk-snd", "{\"name\":\"bot\",\"kind\":\"app\",\"may_send_commands\":true}");
    PlatformFixture.Issued host =
        fixture.user("sdk-snd", "{\"name\":\"h1\",\"kind\":\"game_server\",\"server\":\"s1\"}");
    List<String> ran = new CopyOnWriteArrayList<>();
    try (CommandSender sender = sender("sdk-snd", bot.token());
        GameServerClient client =
            GameServerClient.builder()
                .url(fixture.brokerUrl())
                .credentials(host.creds())
                .journalDir(journals.resolve("s1"))
                .build()) {
      SendOptions once =
          SendOptions.none().withTtl(Duration.ofMinutes(5)).withIdempotencyKey("k-1");
      SentCommand first = sender.send("s1", "kick", Map.of("player_id", "7656"), once);
      SentCommand again = sender.send("s1", "kick", Map.of("player_id", "7656"), once);
      assertThat(first.queuedNow()).isTrue();
      assertThat(first.status()).isEqualTo("queued");
      assertThat(again.queuedNow()).isFalse();
      assertThat(again.id()).isEqualTo(first.id());

      try (CommandReceiver receiver =
          CommandReceiver.builder(client)
              .on(
                  "kick",
                  cmd -> {
                    ran.add(cmd.args().path("player_id").asText());
                    return Map.of("kicked", true);
                  })
              .start()) {
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> "succeeded".equals(sender.get("s1", first.id()).status()));
        // Nothing runs twice: still one run while a second delivery would have come.
        await()
            .during(Duration.ofMillis(500))
            .atMost(Duration.ofSeconds(3))
            .untilAsserted(() -> assertThat(ran).containsExactly("7656"));
      }
      assertThat(ran).containsExactly("7656");
      SentCommand done = sender.get("s1", first.id());
      assertThat(done.output().path("kicked").asBoolean()).isTrue();
      assertThat(done.name()).isEqualTo("kick");
      assertThat(fixture.operator.get(commands("sdk-snd")).json().path("items")).hasSize(1);
    }
  }

  @Test
  void refusalsAreTypedAndNameTheProblem() throws Exception {
    fixture.account("sdk-bad", "standard");
    fixture.account("sdk-else", "standard");
    fixture.server("sdk-bad", "s1");
    PlatformFixture.Issued owner = fixture.user("sdk-bad", "{\"name\":\"o\",\"kind\":\"owner\"}");
    PlatformFixture.Issued reader = fixture.user("sdk-bad", "{\"name\":\"r\",\"kind\":\"app\"}");
    PlatformFixture.Issued stranger =
        fixture.user("sdk-else", "{\"name\":\"o\",\"kind\":\"owner\"}");
    try (CommandSender sender = sender("sdk-bad", owner.token());
        CommandSender readOnly = sender("sdk-bad", reader.token());
        CommandSender foreign = sender("sdk-bad", stranger.token())) {
      assertThatThrownBy(() -> sender.send("s1", "teleport_all", null, null))
          .isInstanceOfSatisfying(
              InvalidCommandException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.detail()).contains("teleport_all");
                assertThat(e.getMessage()).contains("teleport_all");
              });
      assertThatThrownBy(
              () -> sender.send("s1", "kick", null, SendOptions.none().withTtl(Duration.ZERO)))
          .isInstanceOf(InvalidCommandException.class)
          .hasMessageContaining("ttl_seconds");
      assertThatThrownBy(() -> sender.send("nope", "kick", null, null))
          .isInstanceOfSatisfying(
              ResourceNotFoundException.class, e -> assertThat(e.detail()).contains("nope"));
      assertThatThrownBy(() -> readOnly.send("s1", "kick", null, null))
          .isInstanceOfSatisfying(
              NotPermittedException.class, e -> assertThat(e.status()).isEqualTo(403));
      assertThatThrownBy(() -> foreign.send("s1", "kick", null, null))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThatThrownBy(() -> sender.get("s1", "0193a5f2-7c41-7e2a-b3d4-5f6a7b8c9d0e"))
          .isInstanceOf(ResourceNotFoundException.class);
    }
    assertThat(fixture.operator.get(commands("sdk-bad")).json().path("items")).isEmpty();
  }

  private CommandSender sender(String account, String token) {
    return CommandSender.builder().url(fixture.httpUrl()).account(account).token(token).build();
  }

  private static String commands(String account) {
    return "/api/v1/accounts/" + account + "/servers/s1/commands";
  }
}
