package dev.gamingapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.sdk.rest.ScriptedApi;
import dev.gamingapi.sdk.rest.ScriptedApi.Received;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requests a {@link CommandSender} makes and how it reads the answers, against a real HTTP
 * server; the platform's side is tested in the server module.
 */
class CommandSenderTest {
  private static final String KICK =
      "{\"id\":\"cmd_1\",\"server\":\"eu-1\",\"name\":\"kick\",\"status\":\"queued\"}";

  private final ScriptedApi api = new ScriptedApi();
  private final CommandSender sender =
      CommandSender.builder().url(api.url() + "/").account("acme").token("gapi_app").build();

  @AfterEach
  void stop() {
    sender.close();
    api.close();
  }

  /** Arguments given as a record: written as Jackson writes it by default, not renamed. */
  private record Kick(String playerId) {}

  @Test
  void aSendPostsTheCommandAndTellsQueuedFromFoundByItsKey() throws Exception {
    api.answer(202, KICK);
    api.answer(200, KICK);
    SendOptions options =
        SendOptions.none()
            .withTtl(Duration.ofMinutes(5))
            .withNotBefore(Instant.parse("2027-01-01T00:00:00Z"))
            .withIdempotencyKey("kick-7656-1");

    SentCommand sent = sender.send("eu-1", "kick", new Kick("7656"), options);
    SentCommand again = sender.send("eu-1", "kick", new Kick("7656"), options);

    assertThat(sent.id()).isEqualTo("cmd_1");
    assertThat(sent.status()).isEqualTo("queued");
    assertThat(sent.queuedNow()).isTrue();
    assertThat(again.queuedNow()).isFalse();
    Received request = api.take();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri()).isEqualTo("/api/v1/accounts/acme/servers/eu-1/commands");
    assertThat(request.authorization()).isEqualTo("Bearer gapi_app");
    assertThat(request.body())
        .isEqualTo(
            "{\"name\":\"kick\",\"args\":{\"playerId\":\"7656\"},\"ttl_seconds\":300,"
                + "\"not_before\":\"2027-01-01T00:00:00Z\",\"idempotency_key\":\"kick-7656-1\"}");
  }

  @Test
  void aCommandWithoutArgsOrOptionsSendsItsNameOnly() throws Exception {
    api.answer(202, KICK);

    sender.send("eu-1", "kick", null, null);

    assertThat(api.take().body()).isEqualTo("{\"name\":\"kick\"}");
  }

  @Test
  void aGetReadsTheResult() throws Exception {
    api.answer(
        200,
        "{\"id\":\"cmd 1\",\"server\":\"eu-1\",\"name\":\"kick\",\"status\":\"succeeded\","
            + "\"output\":{\"kicked\":true},\"error\":null}");

    SentCommand command = sender.get("eu-1", "cmd 1");

    assertThat(command.output().path("kicked").asBoolean()).isTrue();
    assertThat(command.error()).isNull();
    assertThat(command.queuedNow()).isFalse();
    assertThat(api.take().uri()).isEqualTo("/api/v1/accounts/acme/servers/eu-1/commands/cmd%201");
  }

  @Test
  void aRefusedCommandIsAnInvalidCommandWithTheDetail() {
    api.problem(400, "invalid-request", "args.player_id is required");
    api.problem(403, "forbidden", "may not send commands to eu-1");

    assertThatThrownBy(() -> sender.send("eu-1", "kick", null, null))
        .isInstanceOfSatisfying(
            InvalidCommandException.class,
            e -> assertThat(e.detail()).isEqualTo("args.player_id is required"));
    assertThatThrownBy(() -> sender.send("eu-1", "kick", null, null))
        .isInstanceOf(NotPermittedException.class);
  }
}
