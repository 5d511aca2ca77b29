package dev.gamingapi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code gamingapi up} in-process, then publishes and tails events through the CLI. */
class CliEndToEndTest {
  @TempDir static Path dir;
  static LocalUp platform;
  static String url;
  static Path dataDir;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = LocalUp.start(dir);
    url = platform.brokerUrl;
    dataDir = platform.dataDir;
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    platform.close();
  }

  @Test
  void upPrintsTheBrokerTheRestApiAndWhereTheCredentialsAre() throws Exception {
    assertThat(platform.output.toString())
        .contains("GamingAPI is up.")
        .contains(url)
        .contains(dataDir.resolve("creds").resolve("owner.creds").toString())
        .contains("demo.creds")
        .contains("REST API          http://127.0.0.1:")
        .contains(dataDir.resolve("operator.token").toString());
    JsonNode connection = new ObjectMapper().readTree(dataDir.resolve("connection.json").toFile());
    String httpUrl = connection.path("http_url").asText();
    String token = Files.readString(Path.of(connection.path("operator_token").asText())).strip();
    assertThat(Files.getPosixFilePermissions(Path.of(connection.path("operator_token").asText())))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    HttpResponse<String> accounts =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(httpUrl + "/api/v1/accounts"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(accounts.statusCode()).isEqualTo(200);
    assertThat(accounts.body()).contains("\"name\":\"default\"");
  }

  @Test
  void anEventPublishedFromTheShellIsReadBackByTheOwner() {
    CliRun published =
        CliRun.of(
            "events",
            "publish",
            "--url",
            url,
            "--creds",
            creds("demo"),
            "--journal-dir",
            dir.resolve("journal").toString(),
            "--type",
            "player.connected",
            "--player",
            "steam_1",
            "--data",
            "{\"name\":\"Alice\"}");
    assertThat(published.exitCode()).as(published.err()).isZero();
    String id = published.out().strip();

    CliRun tail =
        CliRun.of(
            "events",
            "tail",
            "--url",
            url,
            "--creds",
            creds("owner"),
            "--player",
            "steam_1",
            "--json");

    assertThat(tail.exitCode()).as(tail.err()).isZero();
    assertThat(tail.out())
        .contains("\"id\":\"" + id + "\"")
        .contains("\"type\":\"player.connected\"")
        .contains("\"server\":\"demo\"")
        .contains("\"name\":\"Alice\"");
  }

  /**
   * Without --journal-dir the journal goes to the user's state directory: it was
   * ./gamingapi-journal/<server>, a 64 MiB sparse file in whatever directory the shell was in.
   */
  @Test
  void aPublishWithoutAJournalDirKeepsItsJournalInTheUsersStateDirectory() {
    String home = System.getProperty("user.home");
    Path cwdJournal = Path.of(System.getProperty("user.dir"), "gamingapi-journal", "demo");
    boolean inCwdBefore = Files.exists(cwdJournal);
    System.setProperty("user.home", dir.resolve("home").toString());
    try {
      CliRun published =
          CliRun.of(
              "events",
              "publish",
              "--url",
              url,
              "--creds",
              creds("demo"),
              "--type",
              "server.started");

      assertThat(published.exitCode()).as(published.err()).isZero();
      String xdg = System.getenv("XDG_STATE_HOME");
      Path state =
          xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
              ? Path.of(xdg, "gamingapi")
              : dir.resolve("home").resolve(".local/state/gamingapi");
      assertThat(state.resolve("journal").resolve("demo")).isDirectory();
      assertThat(Files.exists(cwdJournal)).isEqualTo(inCwdBefore);
    } finally {
      System.setProperty("user.home", home);
    }
  }

  @Test
  void aTailThatMatchesNothingEndsWithNoEventsAndExitZero() {
    CliRun tail =
        CliRun.of(
            "events", "tail", "--url", url, "--creds", creds("owner"), "--player", "nobody_here");

    assertThat(tail.exitCode()).as(tail.err()).isZero();
    assertThat(tail.out()).isEmpty();
    assertThat(tail.err()).isEmpty();
  }

  @Test
  void followingStopsAfterTheRequestedCount() {
    CliRun.of(
        "events",
        "publish",
        "--url",
        url,
        "--creds",
        creds("demo"),
        "--journal-dir",
        dir.resolve("journal").toString(),
        "--type",
        "server.started");

    CliRun tail =
        CliRun.of(
            "events",
            "tail",
            "--url",
            url,
            "--creds",
            creds("owner"),
            "--type",
            "server.started",
            "--follow",
            "--count",
            "1");

    assertThat(tail.exitCode()).as(tail.err()).isZero();
    assertThat(tail.out()).contains("server.started").contains("demo");
  }

  @Test
  void anUnknownTypeIsRefusedInOneLine() {
    CliRun run =
        CliRun.of(
            "events",
            "publish",
            "--url",
            url,
            "--creds",
            creds("demo"),
            "--journal-dir",
            dir.resolve("journal").toString(),
            "--type",
            "player.teleported");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .startsWith("gamingapi: unknown event type 'player.teleported'")
        .doesNotContain("Exception")
        .hasLineCount(1);
  }

  @Test
  void anInvalidPlayerIdIsNamedWithTheRule() {
    CliRun run =
        CliRun.of(
            "events",
            "publish",
            "--url",
            url,
            "--creds",
            creds("demo"),
            "--journal-dir",
            dir.resolve("journal").toString(),
            "--type",
            "player.connected",
            "--player",
            "bad.id",
            "--data",
            "{\"name\":\"A\"}");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("bad.id").contains("A-Z a-z 0-9 _ -");
  }

  @Test
  void aMissingCredsFileIsNamed() {
    Path missing = dir.resolve("nope.creds");
    CliRun run = CliRun.of("events", "tail", "--url", url, "--creds", missing.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(missing.toString()).hasLineCount(1);
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    CliRun run = CliRun.of("events", "publish", "--creds", creds("demo"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--type");
  }

  @Test
  void manyEventsFromStandardInputAreLoadedInOneProcessWithTheirOwnTimes() throws Exception {
    StringBuilder input = new StringBuilder();
    List<String> times = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String time = Instant.parse("2024-05-01T20:00:00Z").plusSeconds(i).toString();
      times.add(time);
      // Even lines take their type and player from the options, odd ones give their own.
      input.append(
          i % 2 == 0
              ? "{\"time\":\"%s\",\"data\":{\"name\":\"N%d\"}}\n".formatted(time, i)
              : ("{\"type\":\"player.chatted\",\"time\":\"%s\",\"data\":"
                      + "{\"player_id\":\"bulk_1\",\"message\":\"m%d\"}}\n")
                  .formatted(time, i));
    }
    CliRun run =
        withStdin(
            input + "\n",
            () -> publish("--type", "player.connected", "--player", "bulk_1", "--lines", "-"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("200 events published\n");
    String stored = tail("--player", "bulk_1").out();
    List<JsonNode> events = stored.lines().map(CliEndToEndTest::json).toList();
    assertThat(events).extracting(event -> event.get("time").asText()).isEqualTo(times);
    assertThat(events.get(0).get("type").asText()).isEqualTo("player.connected");
    assertThat(events.get(1).get("type").asText()).isEqualTo("player.chatted");

    // What events tail --json prints loads again as it is: the same ids, stored once.
    CliRun again = withStdin(stored, () -> publish("--lines", "-"));
    assertThat(again.out()).as(again.err()).isEqualTo("200 events published\n");
    assertThat(tail("--player", "bulk_1").out()).isEqualTo(stored);
  }

  @Test
  void aProgressLineGoesToStderrWhileTheInputLasts() throws Exception {
    PipedOutputStream feed = new PipedOutputStream();
    InputStream stdin = System.in;
    System.setIn(new PipedInputStream(feed));
    try {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine commandLine = GamingApiCommand.newCommandLine();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      String[] args =
          publishArgs("--type", "player.connected", "--lines", "-", "--progress", "20ms");
      CompletableFuture<Integer> running = CliRun.inBackground(() -> commandLine.execute(args));
      String line = "{\"player\":\"slow_1\",\"data\":{\"name\":\"S\"}}\n";
      feed.write(line.repeat(5).getBytes(StandardCharsets.UTF_8));
      feed.flush();
      // The input has not ended: the progress line says how far it got.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> err.toString().contains("gamingapi: 5 events journaled (line 5), "));
      feed.write(line.repeat(3).getBytes(StandardCharsets.UTF_8));
      feed.close();

      assertThat(running.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
      assertThat(out.toString()).isEqualTo("8 events published\n");
      assertThat(err.toString().lines())
          .allMatch(
              progress ->
                  progress.matches(
                      "gamingapi: \\d+ events journaled \\(line \\d+\\), \\d+ waiting for"
                          + " the broker"));
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void aBadLineStopsWithItsNumberAndTheEventsBeforeItArePublished() throws Exception {
    Path lines =
        Files.writeString(
            dir.resolve("bad.jsonl"),
            """
            {"player": "badline_1", "data": {"name": "A"}}
            {"player": "badline_1", "data": {"name": "B"}}

            {"player": "badline_1", "time": "yesterday", "data": {"name": "C"}}
            {"player": "badline_1", "data": {"name": "D"}}
            """);

    CliRun run = publish("--type", "player.connected", "--lines", lines.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "gamingapi: line 4: time: 'yesterday' is not an RFC 3339 time like"
                + " 2024-05-01T20:15:00Z; the 2 events before it are published; go on from this"
                + " line (tail -n +4)\n");
    assertThat(tail("--player", "badline_1").out().lines().map(CliEndToEndTest::json))
        .extracting(event -> event.at("/data/name").asText())
        .containsExactly("A", "B");
  }

  @Test
  void aLineOfAnotherServerIsRefusedAndTheDataIsCheckedByTheContract() throws Exception {
    CliRun otherServer =
        withStdin(
            "{\"type\":\"player.connected\",\"server\":\"other\",\"player\":\"p_9\","
                + "\"data\":{\"name\":\"X\"}}\n",
            () -> publish("--lines", "-"));
    assertThat(otherServer.exitCode()).isEqualTo(1);
    assertThat(otherServer.err())
        .startsWith("gamingapi: line 1: server: 'other' is not the server of these creds ('demo')")
        .hasLineCount(1);

    CliRun noName =
        withStdin(
            "{\"type\":\"player.connected\",\"player\":\"p_9\"}\n", () -> publish("--lines", "-"));
    assertThat(noName.exitCode()).isEqualTo(1);
    assertThat(noName.err()).startsWith("gamingapi: line 1: ").contains("name").hasLineCount(1);
    // Neither is stored: the player's one event is the good line published after them.
    CliRun good =
        withStdin(
            "{\"type\":\"player.connected\",\"player\":\"p_9\",\"data\":{\"name\":\"Y\"}}",
            () -> publish("--lines", "-"));
    assertThat(good.exitCode()).as(good.err()).isZero();
    assertThat(tail("--player", "p_9").out().lines().map(CliEndToEndTest::json))
        .extracting(event -> event.at("/data/name").asText())
        .containsExactly("Y");
  }

  private static CliRun publish(String... options) {
    return CliRun.of(publishArgs(options));
  }

  private static String[] publishArgs(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "events",
                "publish",
                "--url",
                url,
                "--creds",
                creds("demo"),
                "--journal-dir",
                dir.resolve("journal").toString()));
    args.addAll(List.of(options));
    return args.toArray(String[]::new);
  }

  private static CliRun tail(String... filters) {
    List<String> args =
        new ArrayList<>(
            List.of("events", "tail", "--url", url, "--creds", creds("owner"), "--json"));
    args.addAll(List.of(filters));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private static CliRun withStdin(String input, Supplier<CliRun> run) {
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return run.get();
    } finally {
      System.setIn(stdin);
    }
  }

  private static JsonNode json(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String creds(String name) {
    return platform.creds(name);
  }
}
