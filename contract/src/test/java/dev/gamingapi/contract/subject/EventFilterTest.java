package dev.gamingapi.contract.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.contract.event.UnknownEventTypeException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventFilterTest {

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of(null, null, null, ">"),
        Arguments.of("eu-1", null, null, ">"),
        Arguments.of(null, "p1", null, "v1.servers.*.players.p1.events.>"),
        Arguments.of("eu-1", "p1", null, "v1.servers.eu-1.players.p1.events.>"),
        Arguments.of(null, null, "server.started", "v1.servers.*.events.server.started"),
        Arguments.of("eu-1", null, "server.started", "v1.servers.eu-1.events.server.started"),
        Arguments.of(null, null, "player.scored", "v1.servers.*.players.*.events.player.scored"),
        Arguments.of(
            "eu-1", null, "player.scored", "v1.servers.eu-1.players.*.events.player.scored"),
        Arguments.of(null, "p1", "player.scored", "v1.servers.*.players.p1.events.player.scored"),
        Arguments.of(
            "eu-1", "p1", "player.scored", "v1.servers.eu-1.players.p1.events.player.scored"),
        Arguments.of(null, null, "player.*", "v1.servers.*.players.*.events.player.>"),
        Arguments.of("eu-1", "p1", "player.*", "v1.servers.eu-1.players.p1.events.player.>"),
        Arguments.of("eu-1", null, "match.*", "v1.servers.eu-1.events.match.>"),
        Arguments.of(null, null, "custom.*", ">"),
        Arguments.of(null, null, "custom.quest_done", ">"),
        Arguments.of("eu-1", null, "custom.quest_done", ">"),
        Arguments.of(
            "eu-1",
            "p1",
            "custom.quest_done",
            "v1.servers.eu-1.players.p1.events.custom.quest_done"));
  }

  @ParameterizedTest(name = "server {0}, player {1}, type {2} -> {3}")
  @MethodSource("filters")
  void theNatsSubjectIsTheNarrowestTheBrokerAccepts(
      String server, String player, String type, String expected) {
    String subject = new EventFilter(server, player, type).natsSubject();

    assertThat(subject).isEqualTo(expected);
    assertThat(acceptedByNatsServer29(subject))
        .as("%s lies inside or covers one of the EVENTS stream subjects", subject)
        .isTrue();
  }

  @Test
  void aServerWideSubjectWouldBeRefusedByTheBroker() {
    // nats-server 2.9.10 answers "consumer filter subject is not a valid subset of the interest
    // subjects" (10093) for this one, so natsSubject() must never return it.
    assertThat(acceptedByNatsServer29("v1.servers.eu-1.>")).isFalse();
  }

  @Test
  void matchesSelectsExactlyWhatTheFilterNames() {
    EventFilter serverOnly = new EventFilter("eu-1", null, null);
    EventSubject ofEu1 = Subjects.parseEvent("v1.servers.eu-1.players.p1.events.player.died");
    EventSubject ofEu2 = Subjects.parseEvent("v1.servers.eu-2.events.server.started");
    EventFilter customOfServer = new EventFilter("eu-1", null, "custom.quest_done");

    assertThat(serverOnly.matches(ofEu1)).isTrue();
    assertThat(serverOnly.matches(ofEu2)).isFalse();
    assertThat(customOfServer.matches(new EventSubject("eu-1", "p1", "custom.quest_done")))
        .isTrue();
    assertThat(customOfServer.matches(new EventSubject("eu-1", null, "custom.other"))).isFalse();
    assertThat(EventFilter.ALL.matches(ofEu2)).isTrue();
  }

  @Test
  void aServerTypeCannotBeFilteredByPlayer() {
    assertThatThrownBy(() -> new EventFilter(null, "p1", "server.started"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("'server.started'");
  }

  @Test
  void badIdsAndUnknownTypesAreRefused() {
    assertThatThrownBy(() -> new EventFilter("eu.1", null, null))
        .isInstanceOf(InvalidIdException.class);
    assertThatThrownBy(() -> new EventFilter(null, ">", null))
        .isInstanceOf(InvalidIdException.class);
    assertThatThrownBy(() -> new EventFilter(null, null, "weather.*"))
        .isInstanceOf(UnknownEventTypeException.class);
    assertThatThrownBy(() -> new EventFilter(null, "p1", "match.*"))
        .isInstanceOf(InvalidEventException.class);
  }

  @Test
  void aFamilySelectsEveryTypeThatStartsWithIt() {
    EventFilter players = new EventFilter(null, null, "player.*");

    assertThat(players.matches(Subjects.parseEvent(Subjects.event("eu-1", "p1", "player.died"))))
        .isTrue();
    assertThat(players.matches(Subjects.parseEvent(Subjects.event("eu-1", null, "match.ended"))))
        .isFalse();
  }

  /**
   * nats-server 2.9's rule for a consumer's filter subject (checked against 2.9.10): it must lie
   * inside one subject of the stream or cover one whole.
   */
  private static boolean acceptedByNatsServer29(String filter) {
    return Arrays.stream(Subjects.EVENT_STREAM_SUBJECTS)
        .anyMatch(stream -> isSubset(filter, stream) || isSubset(stream, filter));
  }

  /** Whether every subject that {@code inner} matches is matched by {@code outer}. */
  private static boolean isSubset(String inner, String outer) {
    String[] in = inner.split("\\.");
    String[] out = outer.split("\\.");
    for (int i = 0; i < out.length; i++) {
      if (out[i].equals(">")) {
        return i < in.length;
      }
      if (i >= in.length || in[i].equals(">")) {
        return false;
      }
      if (!out[i].equals("*") && !out[i].equals(in[i])) {
        return false;
      }
    }
    return in.length == out.length;
  }
}
