package dev.gamingapi.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.agent.outlet.HttpPollSettings;
import dev.gamingapi.agent.outlet.HttpPushSettings;
import dev.gamingapi.agent.outlet.OutletSettings;
import dev.gamingapi.agent.outlet.RconGame;
import dev.gamingapi.agent.outlet.RconSettings;
import dev.gamingapi.agent.outlet.Secret;
import dev.gamingapi.agent.outlet.ShellSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code outlet:} of a server: read into settings records, or refused naming line and key. */
class OutletConfigTest {
  @TempDir Path dir;

  @BeforeEach
  void passwordFile() throws Exception {
    Files.writeString(dir.resolve("eu-1.rcon"), "s3cret\n");
    Files.createDirectories(dir.resolve("cs2"));
  }

  @Test
  void aListGivesRconTheBuiltInsAndAShellTheRestart() throws Exception {
    List<OutletSettings> outlets =
        outlets(
            """
            - rcon: {host: 10.0.0.5, game: minecraft, password_file: eu-1.rcon, timeout: 2s,
                     commands: {slay: "kill {name}", save: ""}}
            - shell: {timeout: 1m, working_dir: cs2, commands: {restart: [systemctl, restart, cs2]}}
            """);

    RconSettings rcon = (RconSettings) outlets.get(0);
    assertThat(rcon)
        .isEqualTo(
            new RconSettings(
                "10.0.0.5",
                25575,
                Secret.fromFile(dir.resolve("eu-1.rcon")),
                RconGame.MINECRAFT,
                Map.of("slay", "kill {name}", "save", ""),
                Duration.ofSeconds(2)));
    assertThat(rcon.commandNames())
        .containsExactlyInAnyOrder("kick", "ban", "unban", "broadcast", "message", "slay");
    assertThat(outlets.get(1))
        .isEqualTo(
            new ShellSettings(
                Map.of("restart", List.of("systemctl", "restart", "cs2")),
                Duration.ofMinutes(1),
                dir.resolve("cs2")));
  }

  @Test
  void theHttpOutletsReadTheirCommandListsAndTimeouts() throws Exception {
    assertThat(outlets("{http_poll: {port: 8701, commands: [kick, broadcast]}}"))
        .containsExactly(
            new HttpPollSettings(
                8701, Set.of("kick", "broadcast"), HttpPollSettings.DEFAULT_RESULT_TIMEOUT));
    assertThat(
            outlets(
                "{http_push: {url: \"http://127.0.0.1:8080/commands\", commands: [kick],"
                    + " timeout: 500ms}}"))
        .containsExactly(
            new HttpPushSettings(
                URI.create("http://127.0.0.1:8080/commands"),
                Set.of("kick"),
                Duration.ofMillis(500)));
  }

  @Test
  void anInlinePasswordIsRefusedAndAMissingOneIsNamed() throws Exception {
    assertThatThrownBy(() -> outlets("{rcon: {password: hunter2}}"))
        .hasMessageStartingWith(
            "agent.yaml:4: servers[0].outlet.rcon.password: inline passwords are refused");
    assertThatThrownBy(() -> outlets("{rcon: {port: 27015}}"))
        .hasMessage(
            "agent.yaml:4: servers[0].outlet.rcon.password_file: set one of password_file or"
                + " password_env: the RCON password");
    assertThatThrownBy(() -> outlets("{rcon: {password_file: nowhere.rcon}}"))
        .hasMessageStartingWith("agent.yaml:4: servers[0].outlet.rcon.password_file: the secret")
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> outlets("{rcon: {password_env: GAMINGAPI_NO_SUCH_VARIABLE}}"))
        .hasMessage(
            "agent.yaml:4: servers[0].outlet.rcon.password_env: the environment variable"
                + " GAMINGAPI_NO_SUCH_VARIABLE is not set");
  }

  @Test
  void aCommandClaimedByTwoOutletsIsRefused() throws Exception {
    assertThatThrownBy(
            () ->
                outlets(
                    """
                    - rcon: {password_file: eu-1.rcon}
                    - shell:
                        commands: {kick: [/opt/kick.sh]}
                    """))
        .hasMessageStartingWith(
            "agent.yaml:6: servers[0].outlet[1].shell.commands: 'kick' is also a command of"
                + " servers[0].outlet[0].rcon;");
  }

  @Test
  void eachMistakeInAnOutletIsNamedWithItsLine() throws Exception {
    assertThatThrownBy(() -> outlets("{telnet: {port: 23}}"))
        .hasMessageStartingWith("agent.yaml:4: servers[0].outlet.telnet: unknown key");
    assertThatThrownBy(() -> outlets("{shell: {commands: {a: [x]}}, http_poll: {port: 1}}"))
        .hasMessage(
            "agent.yaml:3: servers[0].outlet: must name exactly one outlet: rcon, http_poll,"
                + " http_push or shell");
    assertThatThrownBy(() -> outlets("{shell: {commands: {restart: systemctl restart cs2}}}"))
        .hasMessageStartingWith("agent.yaml:4: servers[0].outlet.shell.commands.restart: must be");
    assertThatThrownBy(() -> outlets("{shell: {timeout: 30, commands: {a: [x]}}}"))
        .hasMessage(
            "agent.yaml:4: servers[0].outlet.shell.timeout: '30' is not a duration such as 500ms,"
                + " 5s, 2m or 1h");
    assertThatThrownBy(() -> outlets("{http_poll: {commands: [kick]}}"))
        .hasMessageStartingWith("agent.yaml:4: servers[0].outlet.http_poll.port: is required");
    assertThatThrownBy(() -> outlets("{http_push: {url: \"ftp://x/\", commands: [Kick]}}"))
        .hasMessageStartingWith(
            "agent.yaml:4: servers[0].outlet.http_push.commands: invalid command name 'Kick'");
    assertThatThrownBy(() -> outlets("{http_push: {url: \"ftp://x/\", commands: [kick]}}"))
        .hasMessage(
            "agent.yaml:4: servers[0].outlet.http_push: push url must be http or https, got"
                + " ftp://x/");
  }

  private List<OutletSettings> outlets(String outlet) throws Exception {
    String yaml =
        "servers:\n  - id: eu-1\n    outlet:\n"
            + outlet.lines().map(line -> "      " + line + "\n").reduce("", String::concat);
    Path file = Files.writeString(dir.resolve("agent.yaml"), yaml);
    return AgentConfig.load(file).servers().getFirst().outlets();
  }
}
