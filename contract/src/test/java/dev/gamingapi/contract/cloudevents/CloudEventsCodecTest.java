package dev.gamingapi.contract.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.contract.event.CommandFailed;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.contract.event.ScoreOperator;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.UnknownEventData;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventsCodecTest {

  @Test
  void aPlayerEventSurvivesTheWireUnchanged() {
    Event event = Event.of("eu-1", new PlayerScored("steam_42", "kills", 3, ScoreOperator.INCR));
    EncodedEvent wire = CloudEventsCodec.encode(event);

    assertThat(wire.subject()).isEqualTo("v1.servers.eu-1.players.steam_42.events.player.scored");
    assertThat(wire.headers())
        .containsEntry("ce-id", event.id())
        .containsEntry("Nats-Msg-Id", event.id())
        .containsEntry("ce-source", "/servers/eu-1")
        .containsEntry("ce-subject", "steam_42")
        .containsEntry("ce-specversion", "1.0");
    assertThat(new String(wire.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"player_id\":\"steam_42\",\"stat\":\"kills\",\"value\":3.0,\"operator\":\"incr\"}");

    Event back = CloudEventsCodec.decode(wire.subject(), wire.headers()::get, wire.body());
    assertThat(back).isEqualTo(event);
  }

  @Test
  void aServerEventHasNoPlayerSubjectHeader() {
    Event event = Event.of("eu-1", new ServerStarted("rust", "Procedural", "1.0", 100));
    EncodedEvent wire = CloudEventsCodec.encode(event);
    assertThat(wire.subject()).isEqualTo("v1.servers.eu-1.events.server.started");
    assertThat(wire.headers()).doesNotContainKey("ce-subject");
    assertThat(CloudEventsCodec.decode(wire.subject(), wire.headers()::get, wire.body()))
        .isEqualTo(event);
  }

  @Test
  void anUnknownNewerTypeIsHandedOverRaw() {
    Map<String, String> headers = new HashMap<>();
    headers.put("ce-specversion", "1.0");
    headers.put("ce-id", "x1");
    headers.put("ce-source", "/servers/s1");
    headers.put("ce-type", "vehicle.crashed");
    headers.put("ce-time", "2026-11-23T10:00:00Z");
    byte[] body = "{\"speed\":9}".getBytes(StandardCharsets.UTF_8);

    Event event =
        CloudEventsCodec.decode("v1.servers.s1.events.vehicle.crashed", headers::get, body);

    assertThat(event.data()).isInstanceOf(UnknownEventData.class);
    assertThat(((UnknownEventData) event.data()).json()).isEqualTo(body);
  }

  @Test
  void aBodyWhosePlayerDisagreesWithTheSubjectIsRefused() {
    Event event = Event.of("s1", new PlayerScored("p1", "kills", 1, ScoreOperator.INCR));
    EncodedEvent wire = CloudEventsCodec.encode(event);
    String otherSubject = "v1.servers.s1.players.p2.events.player.scored";
    Map<String, String> headers = new HashMap<>(wire.headers());
    headers.put("ce-subject", "p2");

    assertThatThrownBy(() -> CloudEventsCodec.decode(otherSubject, headers::get, wire.body()))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("player_id 'p1'");
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    byte[] body = "{\"player_id\":\"p1\",\"value\":1,\"operator\":\"incr\"}".getBytes();
    assertThatThrownBy(() -> CloudEventsCodec.decodeData("player.scored", "p1", body))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("'stat' is required");
  }

  @Test
  void aScoreWithoutValueIsRefusedRatherThanReadAsZero() {
    byte[] body = "{\"player_id\":\"p1\",\"stat\":\"kills\",\"operator\":\"incr\"}".getBytes();
    assertThatThrownBy(() -> CloudEventsCodec.decodeData("player.scored", "p1", body))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("'value'");
  }

  @Test
  void aHeartbeatWithoutPlayersOnlineIsRefused() {
    byte[] body = "{\"max_players\":10}".getBytes();
    assertThatThrownBy(() -> CloudEventsCodec.decodeData("server.heartbeat", null, body))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("'players_online'");
  }

  @Test
  void aPositionMissingACoordinateIsRefused() {
    byte[] body = "{\"player_id\":\"p1\",\"position\":{\"x\":1,\"y\":2}}".getBytes();
    assertThatThrownBy(() -> CloudEventsCodec.decodeData("player.respawned", "p1", body))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("'z'");
  }

  @Test
  void aJsonNullBodyIsRefusedWithAClearError() {
    byte[] body = "null".getBytes();
    assertThatThrownBy(() -> CloudEventsCodec.decodeData("server.stopped", null, body))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("must be a JSON object");
  }

  @Test
  void aNegativeAttemptCountIsRefused() {
    assertThatThrownBy(() -> new CommandFailed("c1", "kick", "boom", -1))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("'attempts'");
  }
}
