package dev.gamingapi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GAMINGAPI_LOG_FORMAT=json}: {@code up}'s log on stderr is one JSON object per line, for a
 * log shipper; any value but text or json stops the CLI at once with a line naming the variable.
 */
class JsonLogsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void upLogsOneJsonObjectPerLine() throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        gamingapi(
            "up",
            "--data-dir",
            dir.resolve("data").toString(),
            "--http-port",
            "0",
            "--nats-port",
            "0");
    builder.environment().put("GAMINGAPI_LOG_FORMAT", "json");
    Process up = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> !up.isAlive() || Files.readString(out).contains("Press Ctrl+C to stop."));
      assertThat(up.isAlive()).as(Files.readString(err)).isTrue();
    } finally {
      // The whole group: the platform and its nats-server child.
      new ProcessBuilder("kill", "-TERM", "--", "-" + up.pid()).inheritIO().start().waitFor();
      if (!up.waitFor(60, TimeUnit.SECONDS)) {
        up.destroyForcibly();
      }
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(err)) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line)); // throws on a line that is not JSON
      }
    }
    assertThat(lines).isNotEmpty().allMatch(JsonNode::isObject);
    JsonNode started =
        lines.stream()
            .filter(line -> line.path("formattedMessage").asText().startsWith("platform started"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no 'platform started' line in " + lines));
    assertThat(started.path("level").asText()).isEqualTo("INFO");
    assertThat(started.path("loggerName").asText()).isEqualTo("dev.gamingapi.server.app.Platform");
    assertThat(started.path("timestamp").asLong()).isPositive();
    assertThat(started.path("formattedMessage").asText()).contains("REST API http://127.0.0.1:");
  }

  @Test
  void anUnknownLogFormatStopsTheCliWithALineNamingIt() throws Exception {
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder = gamingapi("--version");
    builder.environment().put("GAMINGAPI_LOG_FORMAT", "xml");
    Process cli =
        builder.redirectError(err.toFile()).redirectOutput(dir.resolve("out").toFile()).start();
    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).isEqualTo(2);
    assertThat(Files.readString(err).strip())
        .isEqualTo("gamingapi: GAMINGAPI_LOG_FORMAT must be text or json, not 'xml'");
  }

  private static ProcessBuilder gamingapi(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "setsid", // a process group of its own, stopped whole
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                GamingApiCommand.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
