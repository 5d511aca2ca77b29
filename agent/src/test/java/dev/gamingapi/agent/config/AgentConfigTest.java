package dev.gamingapi.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.agent.outlet.RconGame;
import dev.gamingapi.agent.outlet.RconSettings;
import dev.gamingapi.agent.outlet.Secret;
import dev.gamingapi.contract.event.ScoreOperator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
  @TempDir Path dir;

  @Test
  void aFullConfigIsReadWithDefaults() throws Exception {
    Files.writeString(dir.resolve("eu-1.secret"), "12345\n");
    Files.writeString(dir.resolve("rcon.secret"), "s3cret\n");
    Path file =
        write(
            """
            state_dir: state
            servers:
              - id: eu-1
                url: nats://broker:4222
                inputs:
                  - type: source-udp
                    port: 27500
                    secret_file: eu-1.secret
                    exclude_bots: true
                    actions:
                      Got_The_Bomb: { custom: bomb_picked_up }
                      headshot: { stat: headshots, operator: incr }
                  - { type: minecraft-log, path: mc/logs/latest.log }
                  - { type: http-door, name: door, port: 8787 }
                outlet:
                  rcon: { port: 27015, password_file: rcon.secret }
            """);
    AgentConfig config = AgentConfig.load(file);
    ServerConfig server = config.servers().getFirst();
    assertThat(config.stateDir()).isEqualTo(dir.resolve("state"));
    assertThat(server.journal()).isEqualTo(dir.resolve("state/journal/eu-1"));
    assertThat(server.outlets())
        .singleElement()
        .isEqualTo(
            new RconSettings(
                "127.0.0.1",
                27015,
                Secret.fromFile(dir.resolve("rcon.secret")),
                RconGame.SOURCE,
                Map.of(),
                RconSettings.DEFAULT_TIMEOUT));
    InputConfig.SourceUdp udp = (InputConfig.SourceUdp) server.inputs().get(0);
    assertThat(udp.name()).isEqualTo("source-udp-0");
    assertThat(udp.secret().orElseThrow().value()).isEqualTo("12345");
    assertThat(udp.secret().orElseThrow()).hasToString("Secret[****]");
    assertThat(udp.receiveBuffer()).isEqualTo(4 << 20);
    assertThat(udp.hl().excludeBots()).isTrue();
    assertThat(udp.hl().actions())
        .containsEntry("Got_The_Bomb", new ActionMapping.Custom("bomb_picked_up"))
        .containsEntry("headshot", new ActionMapping.Score("headshots", 1, ScoreOperator.INCR))
        .containsKey("Planted_The_Bomb");
    assertThat(((InputConfig.MinecraftLog) server.inputs().get(1)).path())
        .isEqualTo(dir.resolve("mc/logs/latest.log"));
    assertThat(server.inputs().get(2).name()).isEqualTo("door");
  }

  @Test
  void aPortOutOfRangeNamesTheLineAndTheKey() throws Exception {
    Path file =
        write(
            """
            servers:
              - id: eu-1
                inputs:
                  - { type: http-door }
                  - type: source-udp
                    port: 70000
            """);
    assertThatThrownBy(() -> AgentConfig.load(file))
        .isInstanceOf(AgentConfigException.class)
        .hasMessage("agent.yaml:6: servers[0].inputs[1].port: must be 1..65535");
  }

  @Test
  void anInlineSecretIsRefused() throws Exception {
    Path file =
        write(
            """
            servers:
              - id: eu-1
                inputs:
                  - type: source-udp
                    secret: "12345"
            """);
    assertThatThrownBy(() -> AgentConfig.load(file))
        .isInstanceOf(AgentConfigException.class)
        .hasMessageStartingWith(
            "agent.yaml:5: servers[0].inputs[0].secret: inline secrets are refused");
  }

  @Test
  void aMisspeltKeyAnUnknownTypeAndABadIdAreNamed() throws Exception {
    assertThatThrownBy(() -> AgentConfig.load(write("servers:\n  - id: eu-1\n    inptus: []\n")))
        .hasMessageStartingWith("agent.yaml:3: servers[0].inptus: unknown key");
    assertThatThrownBy(
            () ->
                AgentConfig.load(
                    write("servers:\n  - id: eu-1\n    inputs:\n      - type: rcon-log\n")))
        .hasMessageStartingWith("agent.yaml:4: servers[0].inputs[0].type: 'rcon-log' is not");
    assertThatThrownBy(() -> AgentConfig.load(write("servers:\n  - id: eu.1\n")))
        .hasMessageStartingWith("agent.yaml:2: servers[0].id: 'eu.1' must be");
    assertThatThrownBy(() -> AgentConfig.load(write("servers: [\n")))
        .isInstanceOf(AgentConfigException.class)
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void twoServersNeverShareAJournal() throws Exception {
    Path file =
        write(
            """
            servers:
              - { id: a, journal: j }
              - { id: b, journal: j }
            """);
    assertThatThrownBy(() -> AgentConfig.load(file))
        .hasMessageStartingWith("agent.yaml:3: servers[1].journal: is shared");
  }

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("agent.yaml"), yaml);
  }
}
