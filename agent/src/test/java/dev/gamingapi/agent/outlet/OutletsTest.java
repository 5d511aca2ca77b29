package dev.gamingapi.agent.outlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.agent.outlet.http.HttpPollOutlet;
import dev.gamingapi.agent.outlet.http.HttpPushOutlet;
import dev.gamingapi.agent.outlet.rcon.RconOutlet;
import dev.gamingapi.agent.outlet.shell.ShellOutlet;
import dev.gamingapi.contract.subject.InvalidIdException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory and the checks the settings records make before anything opens. */
class OutletsTest {
  @TempDir Path dir;

  @Test
  void eachSettingsRecordOpensItsOutletWithItsCommandNames() {
    Secret password = Secret.fromEnv("RCON_PASSWORD");
    try (CommandOutlet rcon =
            Outlets.open(
                new RconSettings("127.0.0.1", 27015, password, RconGame.SOURCE, null, null));
        CommandOutlet poll = Outlets.open(new HttpPollSettings(0, Set.of("restart"), null));
        CommandOutlet push =
            Outlets.open(
                new HttpPushSettings(URI.create("http://127.0.0.1:8080/c"), Set.of("save"), null));
        CommandOutlet shell =
            Outlets.open(new ShellSettings(Map.of("wipe", List.of("/opt/wipe.sh")), null, null))) {
      assertThat(rcon).isInstanceOf(RconOutlet.class);
      assertThat(rcon.commandNames())
          .containsExactlyInAnyOrder("kick", "ban", "unban", "broadcast", "change_map");
      assertThat(poll).isInstanceOf(HttpPollOutlet.class);
      assertThat(poll.commandNames()).containsExactly("restart");
      assertThat(push).isInstanceOf(HttpPushOutlet.class);
      assertThat(shell).isInstanceOf(ShellOutlet.class);
      assertThat(shell.commandNames()).containsExactly("wipe");
    }
  }

  @Test
  void aSecretComesFromExactlyOneOfAFileOrAnEnvironmentVariable() {
    assertThatThrownBy(() -> new Secret(dir.resolve("pw"), "RCON_PASSWORD"))
        .hasMessage("a secret needs exactly one of a file or an env variable");
    assertThatThrownBy(() -> new Secret(null, null))
        .hasMessage("a secret needs exactly one of a file or an env variable");
  }

  @Test
  void aSecretFileLosesOneTrailingLineBreakOnly() throws IOException {
    Path file = Files.writeString(dir.resolve("pw"), " pass word \n");

    assertThat(Secret.fromFile(file).read()).isEqualTo(" pass word ");
    assertThat(Secret.fromFile(file).toString()).doesNotContain("pass word");
  }

  @Test
  void aMissingSecretFailsSayingWhere() {
    assertThatThrownBy(() -> Secret.fromFile(dir.resolve("none")).read())
        .isInstanceOf(OutletException.class)
        .hasMessage("the secret file " + dir.resolve("none") + " does not exist");
    assertThatThrownBy(() -> Secret.fromEnv("GAMINGAPI_TEST_SURELY_UNSET").read())
        .hasMessage("the environment variable GAMINGAPI_TEST_SURELY_UNSET is not set");
  }

  @Test
  void settingsRefuseBadValuesBeforeAnythingOpens() {
    Secret password = Secret.fromEnv("RCON_PASSWORD");
    assertThatThrownBy(
            () -> new RconSettings("127.0.0.1", 0, password, RconGame.MINECRAFT, null, null))
        .hasMessage("rcon port must be 1 to 65535, got 0");
    assertThatThrownBy(
            () ->
                new RconSettings(
                    "127.0.0.1", 25575, password, RconGame.MINECRAFT, Map.of("Kick!", "k"), null))
        .isInstanceOf(InvalidIdException.class);
    assertThatThrownBy(() -> new HttpPollSettings(0, Set.of(), null))
        .hasMessage("an outlet needs at least one command name");
    assertThatThrownBy(
            () -> new HttpPushSettings(URI.create("file:///tmp/commands"), Set.of("kick"), null))
        .hasMessage("push url must be http or https, got file:///tmp/commands");
    assertThatThrownBy(() -> new ShellSettings(Map.of("wipe", List.of()), null, null))
        .hasMessage("shell command 'wipe' has no program");
  }
}
