package dev.gamingapi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.testkit.FreePorts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * {@code gamingapi up} running in this JVM, started through the command line as a user would (a
 * free NATS port, any free HTTP port), and what it wrote to {@code connection.json}.
 */
final class LocalUp implements AutoCloseable {
  final Path dataDir;
  final StringWriter output;
  final String brokerUrl;
  final String httpUrl;
  final Path operatorToken;
  private final UpCommand up;
  private final CompletableFuture<Integer> running;

  private LocalUp(
      Path dataDir, StringWriter output, UpCommand up, CompletableFuture<Integer> running)
      throws Exception {
    this.dataDir = dataDir;
    this.output = output;
    this.up = up;
    this.running = running;
    JsonNode info = ContractJson.mapper().readTree(dataDir.resolve("connection.json").toFile());
    this.brokerUrl = info.get("broker_url").asText();
    this.httpUrl = info.get("http_url").asText();
    this.operatorToken = Path.of(info.get("operator_token").asText());
  }

  /** Starts {@code up} with its data in {@code dir/data}; returns once connection.json exists. */
  static LocalUp start(Path dir) throws Exception {
    Path dataDir = dir.resolve("data");
    StringWriter output = new StringWriter();
    CommandLine commandLine = GamingApiCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(output, true));
    UpCommand up = commandLine.getSubcommands().get("up").getCommand();
    int natsPort = FreePorts.next();
    CompletableFuture<Integer> running =
        CliRun.inBackground(
            () ->
                commandLine.execute(
                    "up",
                    "--data-dir",
                    dataDir.toString(),
                    "--nats-port",
                    String.valueOf(natsPort),
                    "--http-port",
                    "0"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> running.isDone() || Files.exists(dataDir.resolve("connection.json")));
    assertThat(running.isDone()).as("up exited early: %s", output).isFalse();
    return new LocalUp(dataDir, output, up, running);
  }

  /** The creds file {@code up} wrote for {@code name} (owner, demo). */
  String creds(String name) {
    return dataDir.resolve("creds").resolve(name + ".creds").toString();
  }

  /**
   * Runs the CLI with {@code --data-dir} of this platform, so that the URL and the operator token
   * come from its connection.json, as they do for a user next to {@code ./data}.
   */
  CliRun cli(String... args) {
    String[] all =
        Stream.concat(Arrays.stream(args), Stream.of("--data-dir", dataDir.toString()))
            .toArray(String[]::new);
    return CliRun.of(all);
  }

  @Override
  public void close() throws Exception {
    up.stop.countDown();
    assertThat(running.get()).isZero();
  }
}
