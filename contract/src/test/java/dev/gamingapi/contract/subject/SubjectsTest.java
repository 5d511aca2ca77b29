package dev.gamingapi.contract.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventType;
import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.contract.event.Scope;
import dev.gamingapi.contract.event.UnknownEventTypeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectsTest {

  @Test
  void everyCatalogTypeBuildsAndParsesBackToTheSameParts() {
    for (EventType type : EventCatalog.types()) {
      String player = type.scope() == Scope.PLAYER ? "steam_42" : null;
      String subject = Subjects.event("eu-1", player, type.name());

      assertThat(Subjects.parseEvent(subject))
          .isEqualTo(new EventSubject("eu-1", player, type.name()));
    }
  }

  @Test
  void serverAndPlayerEventsHaveTheDocumentedShape() {
    assertThat(Subjects.event("eu-1", null, "server.started"))
        .isEqualTo("v1.servers.eu-1.events.server.started");
    assertThat(Subjects.event("eu-1", "p1", "player.connected"))
        .isEqualTo("v1.servers.eu-1.players.p1.events.player.connected");
  }

  @Test
  void aCustomTypeMayBeAboutTheServerOrAPlayer() {
    String server = Subjects.event("eu-1", null, "custom.vehicle_crashed");
    String player = Subjects.event("eu-1", "p1", "custom.quest_done");

    assertThat(server).isEqualTo("v1.servers.eu-1.events.custom.vehicle_crashed");
    assertThat(player).isEqualTo("v1.servers.eu-1.players.p1.events.custom.quest_done");
    assertThat(Subjects.parseEvent(player))
        .isEqualTo(new EventSubject("eu-1", "p1", "custom.quest_done"));
  }

  @Test
  void anUnknownTypeWithoutTheCustomPrefixIsRefused() {
    assertThatThrownBy(() -> Subjects.event("eu-1", null, "vehicle.crashed"))
        .isInstanceOf(UnknownEventTypeException.class)
        .hasMessageContaining("'vehicle.crashed'")
        .hasMessageContaining("custom.");
  }

  @Test
  void aCustomTypeWithABadNameIsRefusedNamingTheRule() {
    assertThatThrownBy(() -> Subjects.event("eu-1", null, "custom.Vehicle-Crashed"))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("custom event name 'Vehicle-Crashed'");
  }

  @ParameterizedTest(name = "server id ''{0}'' never reaches a subject")
  @ValueSource(strings = {"eu.1", "a*", ">", ""})
  void aBadServerIdIsRefusedBeforeASubjectIsMade(String id) {
    assertThatThrownBy(() -> Subjects.event(id, null, "server.started"))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("'" + id + "'")
        .hasMessageContaining(Ids.ID_RULE);
    assertThatThrownBy(() -> Subjects.command(id, "kick")).isInstanceOf(InvalidIdException.class);
    assertThatThrownBy(() -> Subjects.publishableBy(id)).isInstanceOf(InvalidIdException.class);
  }

  @ParameterizedTest(name = "player id ''{0}'' never reaches a subject")
  @ValueSource(strings = {"eu.1", "a*", ">", ""})
  void aBadPlayerIdIsRefusedBeforeASubjectIsMade(String id) {
    assertThatThrownBy(() -> Subjects.event("eu-1", id, "player.connected"))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("player id '" + id + "'")
        .hasMessageContaining(Ids.ID_RULE);
  }

  @Test
  void aPlayerTypeNeedsAPlayerAndAServerTypeRefusesOne() {
    assertThatThrownBy(() -> Subjects.event("eu-1", null, "player.scored"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("needs a player id");
    assertThatThrownBy(() -> Subjects.event("eu-1", "p1", "server.started"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("takes no player id");
  }

  @Test
  void commandsGoToOneServersSubject() {
    assertThat(Subjects.command("eu-1", "kick")).isEqualTo("v1.servers.eu-1.commands.kick");
    assertThatThrownBy(() -> Subjects.command("eu-1", "kick.all"))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("command name 'kick.all'");
  }

  @Test
  void aGameServerMayPublishOnlyItsOwnEvents() {
    assertThat(Subjects.publishableBy("eu-1"))
        .containsExactly("v1.servers.eu-1.events.>", "v1.servers.eu-1.players.*.events.>");
  }

  @Test
  void anUnknownNewerTypeStillParsesSoItCanBeHandedOverRaw() {
    assertThat(Subjects.parseEvent("v1.servers.s1.events.vehicle.crashed").type())
        .isEqualTo("vehicle.crashed");
  }

  @ParameterizedTest(name = "''{0}'' is not an event subject")
  @ValueSource(
      strings = {
        "",
        "v1.servers.s1.events",
        "v1.servers.s1.events.",
        "v1.servers.s1.events.player..scored",
        "v1.servers.s1.players.p1.events",
        "v1.servers.s1.commands.kick",
        "v2.servers.s1.events.server.started",
        "v1.servers.s1.players.p1.server.started"
      })
  void somethingElseIsNotParsedAsAnEventSubject(String subject) {
    assertThatThrownBy(() -> Subjects.parseEvent(subject))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("not a v1 event subject");
  }

  @Test
  void aSubjectWithABadIdIsRefusedWhenParsed() {
    assertThatThrownBy(() -> Subjects.parseEvent("v1.servers.*.events.server.started"))
        .isInstanceOf(InvalidIdException.class);
  }
}
