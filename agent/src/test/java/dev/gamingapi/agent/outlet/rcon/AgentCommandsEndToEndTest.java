package dev.gamingapi.agent.outlet.rcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.agent.Agent;
import dev.gamingapi.agent.config.AgentConfig;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.command.CommandMessage;
import dev.gamingapi.contract.event.CommandFailed;
import dev.gamingapi.contract.event.CommandSucceeded;
import dev.gamingapi.testkit.rcon.TestRconServer;
import dev.gamingapi.testkit.rcon.TestRconServer.Dialect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole agent started from its config file, with an RCON outlet for the built-in commands and a
 * shell outlet for {@code restart}: commands sent on the broker reach the console or the program,
 * their results come back as events, and the runs are counted in {@code /metrics}.
 */
class AgentCommandsEndToEndTest {
  private static TestBroker broker;
  @TempDir Path dir;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = new TestBroker();
  }

  @AfterAll
  static void stopBroker() throws InterruptedException {
    broker.close();
  }

  @Test
  void commandsReachTheOutletTheConfigGivesThemAndAreCounted() throws Exception {
    String server = "eu-1";
    broker.register(server);
    Files.writeString(dir.resolve("eu-1.rcon"), "s3cret\n");
    try (TestRconServer rcon = TestRconServer.start(Dialect.SOURCE, "s3cret");
        Agent agent = Agent.start(AgentConfig.load(config(server, rcon.port())))) {
      CommandMessage kick = command("kick", "{\"player_id\":\"7656\"}");
      CommandMessage slay = command("slay", "{\"player_id\":\"7656\"}");
      CommandMessage restart = command("restart", "{}");
      CommandMessage smuggled = command("broadcast", "{\"text\":\"hi; quit\"}");
      broker.send(server, kick);
      broker.send(server, smuggled);
      broker.send(server, slay);
      broker.send(server, restart);

      await().until(() -> broker.events(server, "command.succeeded").size() == 3);

      assertThat(rcon.received()).containsExactly("kickid 7656", "sm_slay 7656");
      assertThat(broker.events(server, "command.succeeded"))
          .extracting(event -> (CommandSucceeded) event.data())
          .extracting(CommandSucceeded::commandId, succeeded -> succeeded.output().toString())
          .containsExactly(
              tuple(kick.commandId(), "{\"console\":\"ran kickid 7656\"}"),
              tuple(slay.commandId(), "{\"console\":\"ran sm_slay 7656\"}"),
              tuple(restart.commandId(), "{\"stdout\":\"restart done\"}"));
      // Refused at its first delivery: a retry would send the same ';' (five retries take 15 s).
      assertThat(broker.events(server, "command.failed"))
          .extracting(event -> (CommandFailed) event.data())
          .extracting(CommandFailed::commandId, CommandFailed::attempts)
          .containsExactly(tuple(smuggled.commandId(), 1));
      assertThat(get(agent, "/metrics"))
          .contains("gamingapi_agent_commands_run_total{server=\"eu-1\"} 4")
          .contains("gamingapi_agent_commands_succeeded_total{server=\"eu-1\"} 3")
          .contains("gamingapi_agent_commands_failed_total{server=\"eu-1\"} 1");
      assertThat(get(agent, "/status"))
          .contains("\"commands_run\" : 4")
          .contains("\"outlet.commands\" : \"ban,broadcast,change_map,kick,restart,slay,unban\"");
    }
  }

  private Path config(String server, int rconPort) throws Exception {
    return Files.writeString(
        dir.resolve("agent.yaml"),
        """
        state_dir: state
        status: { port: 0 }
        servers:
          - id: %s
            url: %s
            outlet:
              - rcon: { port: %d, password_file: eu-1.rcon, commands: { slay: "sm_slay {player_id}" } }
              - shell:
                  commands: { restart: [sh, -c, "echo $GAMINGAPI_COMMAND_NAME done"] }
        """
            .formatted(server, broker.url(), rconPort));
  }

  private static CommandMessage command(String name, String args) throws Exception {
    return new CommandMessage(
        UUID.randomUUID().toString(), name, ContractJson.mapper().readTree(args), null, null);
  }

  private static String get(Agent agent, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      URI uri = URI.create("http://127.0.0.1:" + agent.statusPort() + path);
      return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }
}
