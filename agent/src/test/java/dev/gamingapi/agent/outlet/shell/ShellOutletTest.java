package dev.gamingapi.agent.outlet.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.agent.outlet.OutletException;
import dev.gamingapi.agent.outlet.ShellSettings;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.sdk.ReceivedCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell outlet running real programs (sh scripts written in the settings, as an owner would).
 */
class ShellOutletTest {
  @TempDir Path dir;

  @Test
  void argumentsArriveAsEnvironmentVariablesAndStdoutIsTheOutput() throws Exception {
    ShellOutlet outlet =
        outlet("echo \"kicked $GAMINGAPI_ARG_PLAYER_ID by $GAMINGAPI_COMMAND_ID\"");

    Object output = outlet.run(command("{\"player_id\":\"7656\"}"));

    assertThat(tree(output)).isEqualTo(json("{\"stdout\":\"kicked 7656 by c-1\"}"));
  }

  @Test
  void theCommandArrivesAsJsonOnStdinAndAJsonObjectOnStdoutIsTheOutput() throws Exception {
    ShellOutlet outlet = outlet("cat");

    Object output = outlet.run(command("{\"player_id\":\"7656\",\"minutes\":5}"));

    assertThat(output)
        .isEqualTo(
            json(
                "{\"id\":\"c-1\",\"name\":\"kick\",\"args\":{\"player_id\":\"7656\",\"minutes\":5},"
                    + "\"delivery\":1}"));
  }

  @Test
  void anArgumentIsNeverReadAsShellSyntax() throws Exception {
    ShellOutlet outlet = outlet("echo \"$GAMINGAPI_ARG_PLAYER_ID\"");
    Path marker = dir.resolve("pwned");

    Object output = outlet.run(command("{\"player_id\":\"$(touch " + marker + ")\"}"));

    assertThat(tree(output).path("stdout").asText()).isEqualTo("$(touch " + marker + ")");
    assertThat(marker).doesNotExist();
  }

  @Test
  void aNonZeroExitFailsWithTheCodeAndTheEndOfStderr() {
    ShellOutlet outlet = outlet("echo starting; echo 'no player 7656' >&2; exit 3");

    assertThatThrownBy(() -> outlet.run(command("{}")))
        .isInstanceOf(OutletException.class)
        .hasMessage("'sh' exited with 3: no player 7656");
  }

  @Test
  void aProgramPastTheTimeLimitIsKilledWithWhatItStarted() throws Exception {
    Path pid = dir.resolve("child.pid");
    ShellOutlet outlet =
        ShellOutlet.open(
            new ShellSettings(
                Map.of("kick", List.of("sh", "-c", "sleep 60 & echo $! > " + pid + "; wait")),
                Duration.ofSeconds(2),
                null));

    assertThatThrownBy(() -> outlet.run(command("{}")))
        .isInstanceOf(OutletException.class)
        .hasMessage("'sh' did not finish within 2 s and was killed");
    long child = Long.parseLong(Files.readString(pid).strip());
    await()
        .until(
            () -> ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false),
            alive -> !alive);
  }

  @Test
  void aProgramThatCannotStartFailsSayingWhich() {
    ShellOutlet outlet =
        ShellOutlet.open(
            new ShellSettings(
                Map.of("kick", List.of(dir.resolve("missing").toString())), null, null));

    assertThatThrownBy(() -> outlet.run(command("{}")))
        .isInstanceOf(OutletException.class)
        .hasMessageStartingWith("cannot start '" + dir.resolve("missing") + "': ");
  }

  private ShellOutlet outlet(String script) {
    return ShellOutlet.open(
        new ShellSettings(
            Map.of("kick", List.of("sh", "-c", script)), Duration.ofSeconds(30), dir));
  }

  private static ReceivedCommand command(String argsJson) throws IOException {
    return new ReceivedCommand("c-1", "kick", json(argsJson), 1, null, null);
  }

  private static JsonNode tree(Object output) {
    return ContractJson.mapper().valueToTree(output);
  }

  private static JsonNode json(String text) throws IOException {
    return ContractJson.mapper().readTree(text);
  }
}
