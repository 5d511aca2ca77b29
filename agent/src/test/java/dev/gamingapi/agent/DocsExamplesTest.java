package dev.gamingapi.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gamingapi.agent.config.AgentConfig;
import dev.gamingapi.agent.config.ServerConfig;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of {@code docs/agent.md}, run as written: each code block marked {@code <!--
 * door-example: NAME -->} is run with bash, python3 or node against a real agent with an HTTP door
 * on a real nats-server (only the door's port 8787 is replaced by the test's), and the events it
 * posts must be in the stream, with the types its code names, in that order. The complete config
 * example must load.
 */
class DocsExamplesTest {
  private static final Path DOC = findDoc();
  private static final Pattern EXAMPLE =
      Pattern.compile(
          "<!-- door-example: ([a-z-]+) -->\\s*\\n```(\\w+)\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Pattern CONFIG =
      Pattern.compile(
          "<!-- agent-config: complete -->\\s*\\n```yaml\\n(.*?)\\n```", Pattern.DOTALL);

  /** {@code "type": "player.connected"} in JSON and Python, {@code type: "..."} in JavaScript. */
  private static final Pattern TYPE =
      Pattern.compile("(?<![A-Za-z-])\"?type\"?\\s*:\\s*\"([a-z][a-z0-9_]*\\.[a-z0-9_]+)\"");

  private static final Pattern IDS = Pattern.compile("\\{\"ids\":\\[[^\\]]*\\]}");

  @TempDir static Path dir;
  private static NatsServerProcess broker;
  private static Agent agent;
  private static int doorPort;

  @BeforeAll
  static void start() throws Exception {
    broker = NatsServerProcess.start(NatsServerProcess.tempDir(), FreePorts.next(), "");
    TestBroker.createEvents(broker.url());
    doorPort = FreePorts.next();
    Path config =
        Files.writeString(
            dir.resolve("agent.yaml"),
            """
            state_dir: state
            status: { port: 0 }
            servers:
              - id: docs-1
                url: %s
                inputs:
                  - { type: http-door, port: %d }
            """
                .formatted(broker.url(), doorPort));
    agent = Agent.start(AgentConfig.load(config));
  }

  @AfterAll
  static void stop() {
    if (agent != null) {
      agent.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  static Stream<String> examples() throws IOException {
    return examplesInDoc().keySet().stream();
  }

  @Test
  void theGuideHasACurlAPythonAndANodeExample() throws IOException {
    assertThat(examplesInDoc().values())
        .extracting(Example::language)
        .contains("sh", "python", "js");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theExampleRunsAsWrittenAndItsEventsReachTheStream(String name) throws Exception {
    Example example = examplesInDoc().get(name);
    List<String> command = command(example);
    assumeTrue(onPath(command.getFirst()), command.getFirst() + " is not installed");
    List<String> types = new ArrayList<>();
    Matcher type = TYPE.matcher(example.code());
    while (type.find()) {
      types.add(type.group(1));
    }
    assertThat(types).as("the event types the example posts").isNotEmpty();

    Run run = run(command);

    assertThat(run.exit()).as("exit code; output:%n%s", run.output()).isZero();
    Matcher answer = IDS.matcher(run.output());
    assertThat(answer.find()).as("an answer with ids in:%n%s", run.output()).isTrue();
    List<String> ids = new ArrayList<>();
    ContractJson.mapper().readTree(answer.group()).path("ids").forEach(id -> ids.add(id.asText()));
    assertThat(ids).hasSameSizeAs(types);
    await().until(() -> storedTypes(ids).size() == ids.size());
    assertThat(storedTypes(ids)).containsExactlyElementsOf(types);
  }

  @Test
  void theCompleteConfigExampleLoadsWithEveryInputAndOutlet() throws Exception {
    Matcher block = CONFIG.matcher(Files.readString(DOC));
    assertThat(block.find()).as("the complete config example in %s", DOC).isTrue();
    Path configDir = Files.createDirectories(dir.resolve("complete"));
    Files.writeString(configDir.resolve("eu-1.creds"), "not read when loading\n");
    Files.writeString(configDir.resolve("eu-1.logsecret"), "8675309\n");
    Files.writeString(configDir.resolve("eu-1.rcon"), "s3cret\n");
    // The shell outlet's working_dir must exist when the config is loaded; the rest is as written.
    String yaml = block.group(1).replace("working_dir: /srv/game", "working_dir: " + configDir);
    assertThat(yaml).isNotEqualTo(block.group(1));
    Path file = Files.writeString(configDir.resolve("agent.yaml"), yaml);

    ServerConfig server = AgentConfig.load(file).server("eu-1").orElseThrow();

    assertThat(server.inputs())
        .extracting(input -> input.getClass().getSimpleName())
        .containsExactly("SourceUdp", "SourceHttp", "MinecraftLog", "LogFile", "HttpDoor");
    assertThat(server.outlets())
        .extracting(outlet -> outlet.getClass().getSimpleName())
        .containsExactly("RconSettings", "HttpPollSettings", "HttpPushSettings", "ShellSettings");
  }

  /** The stored event types of {@code ids}, in the order of {@code ids}; absent ones left out. */
  private static List<String> storedTypes(List<String> ids) throws Exception {
    Map<String, String> typeById = new LinkedHashMap<>();
    for (TestBroker.Stored event : TestBroker.storedIn(broker.url())) {
      String subject = event.subject();
      typeById.put(event.id(), subject.substring(subject.indexOf(".events.") + 8));
    }
    return ids.stream().filter(typeById::containsKey).map(typeById::get).toList();
  }

  private static List<String> command(Example example) {
    String code = example.code().replace("127.0.0.1:8787", "127.0.0.1:" + doorPort);
    assertThat(code)
        .as("the example %s posts to the door", example.name())
        .isNotEqualTo(example.code());
    return switch (example.language()) {
      case "sh" -> List.of("bash", "-euo", "pipefail", "-c", code);
      case "python" -> List.of("python3", "-c", code);
      case "js" -> List.of("node", "--input-type=module", "-e", code);
      default -> throw new AssertionError("no runner for ```" + example.language());
    };
  }

  private record Run(int exit, String output) {}

  private static Run run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after 60 s: " + command.getFirst());
    }
    return new Run(process.exitValue(), output);
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String part : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(part, program))) {
        return true;
      }
    }
    return false;
  }

  private record Example(String name, String language, String code) {}

  private static Map<String, Example> examplesInDoc() throws IOException {
    Map<String, Example> examples = new LinkedHashMap<>();
    Matcher matcher = EXAMPLE.matcher(Files.readString(DOC));
    while (matcher.find()) {
      Example example = new Example(matcher.group(1), matcher.group(2), matcher.group(3));
      if (examples.put(example.name(), example) != null) {
        throw new AssertionError("two examples are named " + example.name());
      }
    }
    return examples;
  }

  /** {@code docs/agent.md} of this checkout, looked for upwards from the module directory. */
  private static Path findDoc() {
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      Path doc = at.resolve("docs").resolve("agent.md");
      if (Files.isRegularFile(doc)) {
        return doc;
      }
    }
    throw new IllegalStateException(
        "docs/agent.md not found above " + Path.of("").toAbsolutePath());
  }
}
