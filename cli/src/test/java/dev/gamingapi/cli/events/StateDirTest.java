package dev.gamingapi.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI's state lives under the XDG state directory, else ~/.local/state, never in the cwd. */
class StateDirTest {
  @Test
  void xdgStateHomeWinsWhenItIsAbsolute() {
    assertThat(StateDir.of(Map.of("XDG_STATE_HOME", "/var/state"), "/home/ann"))
        .isEqualTo(Path.of("/var/state/gamingapi"));
  }

  @Test
  void withoutItOrWithARelativeOneItIsUnderTheHomeDirectory() {
    Path home = Path.of("/home/ann/.local/state/gamingapi");
    assertThat(StateDir.of(Map.of(), "/home/ann")).isEqualTo(home);
    assertThat(StateDir.of(Map.of("XDG_STATE_HOME", "state"), "/home/ann")).isEqualTo(home);
    assertThat(StateDir.of(Map.of("XDG_STATE_HOME", " "), "/home/ann")).isEqualTo(home);
  }
}
