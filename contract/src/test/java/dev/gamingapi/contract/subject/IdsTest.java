package dev.gamingapi.contract.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {
  // 64 and 65 characters: annotation values must be constants, so they are spelled out
  private static final String SIXTY_FOUR =
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  private static final String SIXTY_FIVE = SIXTY_FOUR + "a";

  @ParameterizedTest(name = "''{0}'' is a valid server and player id")
  @ValueSource(strings = {"eu-1", "rust_main", "76561198000000001", "A", SIXTY_FOUR})
  void singleTokensOfTheAllowedCharactersAreValid(String id) {
    assertThat(Ids.server(id)).isEqualTo(id);
    assertThat(Ids.player(id)).isEqualTo(id);
    assertThat(Ids.isValid(id)).isTrue();
  }

  @ParameterizedTest(name = "server id ''{0}'' is refused naming the id and the rule")
  @ValueSource(strings = {"eu.1", "a*", ">", "", " ", "a b", "é", SIXTY_FIVE})
  void aBadServerIdIsRefusedNamingTheIdAndTheRule(String id) {
    assertThatThrownBy(() -> Ids.server(id))
        .isInstanceOf(InvalidIdException.class)
        .hasMessage("invalid server id '" + id + "': " + Ids.ID_RULE);
    assertThat(Ids.isValid(id)).isFalse();
  }

  @ParameterizedTest(name = "player id ''{0}'' is refused naming the id and the rule")
  @ValueSource(strings = {"eu.1", "a*", ">", "", SIXTY_FIVE})
  void aBadPlayerIdIsRefusedNamingTheIdAndTheRule(String id) {
    assertThatThrownBy(() -> Ids.player(id))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("player id '" + id + "'")
        .hasMessageContaining("1 to 64 characters from A-Z a-z 0-9 _ -");
  }

  @ParameterizedTest(name = "name ''{0}'' is refused")
  @ValueSource(strings = {"Kick", "give-item", "a.b", ""})
  void commandAndCustomNamesAreLowerCaseSnakeCase(String name) {
    assertThatThrownBy(() -> Ids.name("command name", name))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("command name '" + name + "'")
        .hasMessageContaining("a-z 0-9 _");
  }

  @Test
  void aMissingIdIsRefusedNotAPointerError() {
    assertThatThrownBy(() -> Ids.server(null))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("server id 'null'");
  }
}
