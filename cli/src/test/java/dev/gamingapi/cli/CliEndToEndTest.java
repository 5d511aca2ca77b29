package dev.gamingapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  private static String creds(String name) {
    return platform.creds(name);
  }
}
