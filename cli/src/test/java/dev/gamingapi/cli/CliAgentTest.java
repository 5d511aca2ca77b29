package dev.gamingapi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.testkit.FreePorts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gamingapi agent}: checking a config, and an agent run against a real platform. */
class CliAgentTest {
  @TempDir Path dir;

  @Test
  void checkPrintsOneOkLineForAValidConfig() throws Exception {
    Files.writeString(dir.resolve("eu-1.rcon"), "s3cret\n");
    Path config =
        write(
            """
            servers:
              - id: eu-1
                inputs: [{ type: http-door, port: 8787 }]
                outlet: { rcon: { password_file: eu-1.rcon } }
              - { id: eu-2 }
            """);

    CliRun run = CliRun.of("agent", "--config", config.toString(), "--check");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("agent.yaml: OK, 2 servers (eu-1, eu-2)\n");
  }

  @Test
  void aBadConfigIsOneLineNamingTheLineAndKeyWithoutAStackTrace() throws Exception {
    Path config =
        write(
            """
            servers:
              - id: eu-1
                outlet:
                  rcon: { password: hunter2 }
            """);

    for (String[] args :
        new String[][] {
          {"agent", "--config", config.toString(), "--check"},
          {"agent", "--config", config.toString()}
        }) {
      CliRun run = CliRun.of(args);
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .startsWith(
              "gamingapi: agent.yaml:4: servers[0].outlet.rcon.password: inline passwords are"
                  + " refused")
          .hasLineCount(1);
    }
    CliRun missing = CliRun.of("agent", "--config", dir.resolve("none.yaml").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).startsWith("gamingapi: none.yaml: cannot be read").hasLineCount(1);
  }

  @Test
  void theAgentPublishesAsItsGameServerUntilStopped() throws Exception {
    try (LocalUp platform = LocalUp.start(dir)) {
      int door = FreePorts.next();
      Path config =
          write(
              """
              state_dir: state
              status: { port: 0 }
              servers:
                - id: demo
                  url: %s
                  creds: %s
                  inputs: [{ type: http-door, port: %d }]
              """
                  .formatted(platform.brokerUrl, platform.creds("demo"), door));
      StringWriter output = new StringWriter();
      CommandLine commandLine = GamingApiCommand.newCommandLine();
      commandLine.setOut(new PrintWriter(output, true));
      AgentCommand agent = commandLine.getSubcommands().get("agent").getCommand();
      CompletableFuture<Integer> running =
          CliRun.inBackground(() -> commandLine.execute("agent", "--config", config.toString()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> running.isDone() || output.toString().contains("agent started"));
      assertThat(output.toString()).startsWith("gamingapi agent started: 1 server (demo);");

      assertThat(
              post(
                  door,
                  "{\"type\":\"player.connected\",\"data\":{\"player_id\":\"steam_7\","
                      + "\"name\":\"Zoe\"}}"))
          .isEqualTo(202);
      agent.stop.countDown();

      assertThat(running.get()).isZero();
      CliRun tail =
          CliRun.of(
              "events",
              "tail",
              "--url",
              platform.brokerUrl,
              "--creds",
              platform.creds("owner"),
              "--player",
              "steam_7",
              "--json");
      assertThat(tail.out()).contains("\"server\":\"demo\"").contains("\"name\":\"Zoe\"");
    }
  }

  private static int post(int port, String body) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("agent.yaml"), yaml);
  }
}
