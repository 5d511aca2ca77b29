package dev.gamingapi.agent.outlet.rcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.agent.outlet.OutletException;
import dev.gamingapi.agent.outlet.RconGame;
import dev.gamingapi.agent.outlet.RconSettings;
import dev.gamingapi.agent.outlet.Secret;
import dev.gamingapi.agent.outlet.rcon.RconOutlet.ConsoleOutput;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.sdk.CommandRejectedException;
import dev.gamingapi.sdk.ReceivedCommand;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.rcon.TestRconServer;
import dev.gamingapi.testkit.rcon.TestRconServer.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RCON outlet against a game server's RCON end speaking the real protocol. */
class RconOutletTest {
  @TempDir Path dir;
  private Path passwordFile;
  private TestRconServer server;

  @BeforeEach
  void writePassword() throws IOException {
    passwordFile = Files.writeString(dir.resolve("rcon.password"), "s3cret\n");
  }

  @AfterEach
  void stopServer() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void kickBecomesTheSourceConsoleLineAndTheAnswerIsTheOutput() throws IOException {
    server = TestRconServer.start(Dialect.SOURCE, "s3cret");
    server.answers(line -> "Kicked player 7656");
    try (RconOutlet outlet = RconOutlet.open(settings(RconGame.SOURCE, Map.of()))) {
      ConsoleOutput output = outlet.run(command("kick", "{\"player_id\":\"7656\"}"));

      assertThat(server.received()).containsExactly("kickid 7656");
      assertThat(output.console()).isEqualTo("Kicked player 7656");
      assertThat(ContractJson.mapper().valueToTree(output).toString())
          .isEqualTo("{\"console\":\"Kicked player 7656\"}");
    }
  }

  @Test
  void minecraftCommandsUseTheMinecraftTable() throws IOException {
    server = TestRconServer.start(Dialect.MINECRAFT, "s3cret");
    try (RconOutlet outlet = RconOutlet.open(settings(RconGame.MINECRAFT, Map.of()))) {
      outlet.run(command("kick", "{\"name\":\"Alice\"}"));
      outlet.run(command("broadcast", "{\"text\":\"Restart in 5 minutes; save your work\"}"));

      assertThat(server.received())
          .containsExactly("kick Alice", "say Restart in 5 minutes; save your work");
      assertThat(outlet.commandNames()).contains("kick", "ban", "broadcast").doesNotContain("ping");
    }
  }

  @Test
  void theOwnersTableAddsReplacesAndRemovesCommands() throws IOException {
    server = TestRconServer.start(Dialect.SOURCE, "s3cret");
    Map<String, String> owner =
        Map.of("slay", "sm_slay {player_id}", "broadcast", "sm_say {text}", "ban", "");
    try (RconOutlet outlet = RconOutlet.open(settings(RconGame.SOURCE, owner))) {
      outlet.run(command("slay", "{\"player_id\":12}"));
      outlet.run(command("broadcast", "{\"text\":\"hi\"}"));

      assertThat(server.received()).containsExactly("sm_slay 12", "sm_say hi");
      assertThat(outlet.commandNames()).contains("slay", "kick").doesNotContain("ban");
    }
  }

  @Test
  void aTemplateNamingAnArgumentTheCommandLacksIsRefused() throws IOException {
    server = TestRconServer.start(Dialect.SOURCE, "s3cret");
    try (RconOutlet outlet = RconOutlet.open(settings(RconGame.SOURCE, Map.of()))) {
      assertThatThrownBy(() -> outlet.run(command("change_map", "{\"level\":\"de_dust2\"}")))
          .isInstanceOf(CommandRejectedException.class)
          .hasMessage(
              "command 'change_map' has no argument 'map', which its console line"
                  + " 'changelevel {map}' needs");
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void anArgumentThatWouldStartASecondSourceCommandIsRefused() throws IOException {
    server = TestRconServer.start(Dialect.SOURCE, "s3cret");
    try (RconOutlet outlet = RconOutlet.open(settings(RconGame.SOURCE, Map.of()))) {
      assertThatThrownBy(() -> outlet.run(command("broadcast", "{\"text\":\"hi; quit\"}")))
          .isInstanceOf(CommandRejectedException.class)
          .hasMessageContaining("argument 'text' of command 'broadcast' holds ';'");
      assertThatThrownBy(() -> outlet.run(command("kick", "{\"player_id\":\"7\\nquit\"}")))
          .hasMessageContaining("holds '\\u000a'");
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void aSourceAnswerInManyPacketsIsReassembled() throws IOException {
    server = TestRconServer.start(Dialect.SOURCE, "s3cret");
    server.sourcePacketBytes(100);
    String status = "hostname: test\n" + "player line\n".repeat(200);
    server.answers(line -> line.equals("status") ? status : "ok");
    Map<String, String> owner = Map.of("status", "status", "echo", "echo {text}");
    try (RconOutlet outlet = RconOutlet.open(settings(RconGame.SOURCE, owner))) {
      assertThat(outlet.run(command("status", "{}")).console()).isEqualTo(status);
      // The probe's second echo, left on the wire, must not leak into the next answer.
      assertThat(outlet.run(command("echo", "{\"text\":\"x\"}")).console()).isEqualTo("ok");
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void aMinecraftAnswerOverOnePacketIsReassembled() throws IOException {
    server = TestRconServer.start(Dialect.MINECRAFT, "s3cret");
    String longer = "a".repeat(4096) + "b".repeat(50);
    String exact = "c".repeat(8192);
    server.answers(line -> line.equals("long") ? longer : line.equals("exact") ? exact : "short");
    Map<String, String> owner = Map.of("long", "long", "exact", "exact", "short", "short");
    try (RconOutlet outlet = RconOutlet.open(settings(RconGame.MINECRAFT, owner))) {
      assertThat(outlet.run(command("long", "{}")).console()).isEqualTo(longer);
      assertThat(outlet.run(command("exact", "{}")).console()).isEqualTo(exact);
      assertThat(outlet.run(command("short", "{}")).console()).isEqualTo("short");
    }
  }

  @Test
  void aWrongPasswordFailsSayingSo() throws IOException {
    server = TestRconServer.start(Dialect.SOURCE, "another");
    try (RconOutlet outlet = RconOutlet.open(settings(RconGame.SOURCE, Map.of()))) {
      assertThatThrownBy(() -> outlet.run(command("kick", "{\"player_id\":\"1\"}")))
          .isInstanceOf(OutletException.class)
          .hasMessage(
              "RCON authentication failed at 127.0.0.1:" + server.port() + " (wrong password?)");
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void aMissingPasswordFileFailsSayingWhichServerNeedsIt() throws IOException {
    server = TestRconServer.start(Dialect.SOURCE, "s3cret");
    Files.delete(passwordFile);
    try (RconOutlet outlet = RconOutlet.open(settings(RconGame.SOURCE, Map.of()))) {
      assertThatThrownBy(() -> outlet.run(command("kick", "{\"player_id\":\"1\"}")))
          .hasMessage(
              "no RCON password for 127.0.0.1:"
                  + server.port()
                  + ": the secret file "
                  + passwordFile
                  + " does not exist");
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void aServerThatDoesNotAnswerTimesOutSayingSo() throws IOException {
    server = TestRconServer.start(Dialect.SOURCE, "s3cret");
    server.stall();
    RconSettings settings = settings(RconGame.SOURCE, Map.of(), Duration.ofMillis(300));
    try (RconOutlet outlet = RconOutlet.open(settings)) {
      assertThatThrownBy(() -> outlet.run(command("kick", "{\"player_id\":\"1\"}")))
          .isInstanceOf(OutletException.class)
          .hasMessage(
              "RCON timed out after 300 ms waiting for 127.0.0.1:"
                  + server.port()
                  + " to answer 'kickid 1'");
    }
  }

  @Test
  void aConnectionDroppedDuringACommandFailsItAndTheNextCommandReconnects() throws IOException {
    server = TestRconServer.start(Dialect.SOURCE, "s3cret");
    server.dropNextCommand();
    try (RconOutlet outlet = RconOutlet.open(settings(RconGame.SOURCE, Map.of()))) {
      assertThatThrownBy(() -> outlet.run(command("kick", "{\"player_id\":\"1\"}")))
          .hasMessage(
              "RCON connection to 127.0.0.1:"
                  + server.port()
                  + " was closed while waiting for the answer to 'kickid 1'");

      assertThat(outlet.run(command("kick", "{\"player_id\":\"2\"}")).console())
          .isEqualTo("ran kickid 2");
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void aConnectionClosedWhileIdleIsOpenedAgainWithoutFailingTheNextCommand() throws IOException {
    server = TestRconServer.start(Dialect.MINECRAFT, "s3cret");
    try (RconOutlet outlet = RconOutlet.open(settings(RconGame.MINECRAFT, Map.of()))) {
      outlet.run(command("save", "{}"));
      server.dropConnections();

      assertThat(outlet.run(command("save", "{}")).console()).isEqualTo("ran save-all");
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @Test
  void aGameServerThatIsDownFailsTheCommandSayingWhere() {
    int port = FreePorts.next(); // nothing listens there
    RconSettings settings =
        new RconSettings(
            "127.0.0.1", port, Secret.fromFile(passwordFile), RconGame.SOURCE, null, null);
    try (RconOutlet outlet = RconOutlet.open(settings)) {
      assertThatThrownBy(() -> outlet.run(command("kick", "{\"player_id\":\"1\"}")))
          .isInstanceOf(OutletException.class)
          .hasMessageStartingWith("RCON cannot connect to 127.0.0.1:" + port + ": ")
          .hasMessageEndingWith("(is the game server up, with RCON enabled on that port?)");
    }
  }

  private RconSettings settings(RconGame game, Map<String, String> commands) {
    return settings(game, commands, Duration.ofSeconds(5));
  }

  private RconSettings settings(RconGame game, Map<String, String> commands, Duration timeout) {
    return new RconSettings(
        "127.0.0.1", server.port(), Secret.fromFile(passwordFile), game, commands, timeout);
  }

  static ReceivedCommand command(String name, String argsJson) throws IOException {
    JsonNode args = ContractJson.mapper().readTree(argsJson);
    return new ReceivedCommand("cmd-" + name, name, args, 1, null, null);
  }
}
