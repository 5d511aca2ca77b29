package dev.gamingapi.cli;

import static dev.gamingapi.cli.CliAccountsTest.json;
import static dev.gamingapi.cli.CliAccountsTest.ok;
import static dev.gamingapi.cli.CliAccountsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers, users, shares and the audit log through the CLI, against a real {@code up}. */
class CliAccessTest {
  private static final Pattern TOKEN = Pattern.compile("Token: (gapi_\\S+)");
  private static final AtomicInteger JOURNALS = new AtomicInteger();

  @TempDir static Path dir;
  static LocalUp platform;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = LocalUp.start(dir);
    ok(platform.cli("account", "create", "studio", "--plan", "standard"));
    ok(platform.cli("account", "create", "statsco", "--plan", "free"));
    ok(platform.cli("server", "register", "studio", "eu-1", "--name", "EU #1"));
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    platform.close();
  }

  @Test
  void serversAreRegisteredListedAndShown() throws Exception {
    ok(platform.cli("server", "register", "studio", "us-1"));

    assertThat(ok(platform.cli("server", "list", "studio")).out())
        .startsWith("ID")
        .containsPattern("eu-1 +EU #1 +20")
        .containsPattern("us-1 +us-1 +20");
    assertThat(
            json(platform.cli("server", "show", "studio", "eu-1", "--json")).path("name").asText())
        .isEqualTo("EU #1");
    refused(platform.cli("server", "register", "studio", "eu-1"), "registered already");
    refused(platform.cli("server", "register", "studio", "eu.1"), "eu.1");
  }

  @Test
  void aGameServersCredsFilePublishesUntilTheUserIsRevoked() throws Exception {
    Path creds = dir.resolve("host.creds");
    CliRun created =
        ok(
            platform.cli(
                "user",
                "create",
                "studio",
                "eu-1-host",
                "--kind",
                "game_server",
                "--server",
                "eu-1",
                "--creds-out",
                creds.toString()));
    assertThat(created.out())
        .contains("Creds written to " + creds + " (mode 0600)")
        .contains("shown once")
        .doesNotContain("BEGIN NATS USER JWT");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds)))
        .isEqualTo("rw-------");
    String token = token(created);
    ok(platform.cli("server", "show", "studio", "eu-1", "--token", token));
    assertThat(publish(creds, "5s").exitCode()).isZero();

    assertThat(ok(platform.cli("user", "revoke", "studio", "eu-1-host")).out()).contains("revoked");

    // The revoked creds are refused for good: one line saying so, at once, not a 10 s ack timeout.
    CliRun revoked = publish(creds, "10s");
    assertThat(revoked.exitCode()).isEqualTo(1);
    assertThat(revoked.err()).hasLineCount(1).startsWith("gamingapi: credentials revoked");
    refused(platform.cli("server", "show", "studio", "eu-1", "--token", token), "revoked");
    assertThat(ok(platform.cli("user", "list", "studio")).out())
        .containsPattern("eu-1-host +game_server +revoked +server eu-1");
  }

  @Test
  void eventsTailWithRevokedOwnerCredsSaysSoAndExitsNonZero() throws Exception {
    Path creds = dir.resolve("reader-owner.creds");
    ok(
        platform.cli(
            "user",
            "create",
            "studio",
            "reader-owner",
            "--kind",
            "owner",
            "--creds-out",
            creds.toString()));
    assertThat(tail(creds).exitCode()).isZero();

    ok(platform.cli("user", "revoke", "studio", "reader-owner"));

    // One line with the reason, not "cannot connect" nor reconnecting forever.
    CliRun revoked = tail(creds);
    assertThat(revoked.exitCode()).isEqualTo(1);
    assertThat(revoked.err()).hasLineCount(1).startsWith("gamingapi: credentials revoked: ");
  }

  private static CliRun tail(Path creds) {
    return CliRun.of(
        "events", "tail", "--url", platform.brokerUrl, "--creds", creds.toString(), "--count", "1");
  }

  @Test
  void rotatingIssuesNewCredsAndRetiresTheOldToken() throws Exception {
    CliRun created =
        ok(
            platform.cli(
                "user",
                "create",
                "studio",
                "stats-site",
                "--kind",
                "app",
                "--servers",
                "eu-1",
                "--event-types",
                "player.*,match.*"));
    assertThat(created.out()).contains("-----BEGIN NATS USER JWT-----").contains("shown once");
    String first = token(created);
    ok(platform.cli("server", "list", "studio", "--token", first));

    Path creds = dir.resolve("stats.creds");
    CliRun rotated =
        ok(platform.cli("user", "rotate", "studio", "stats-site", "--creds-out", creds.toString()));
    assertThat(token(rotated)).isNotEqualTo(first);
    assertThat(Files.readString(creds)).contains("-----BEGIN NATS USER JWT-----");
    refused(platform.cli("server", "list", "studio", "--token", first), "unknown, revoked");
    ok(platform.cli("server", "list", "studio", "--token", token(rotated)));

    JsonNode user = json(platform.cli("user", "show", "studio", "stats-site", "--json"));
    assertThat(user.path("event_types").toString()).isEqualTo("[\"player.*\",\"match.*\"]");
    assertThat(user.path("may_send_commands").asBoolean()).isFalse();
    ok(
        platform.cli(
            "user",
            "create",
            "studio",
            "mod-bot",
            "--kind",
            "app",
            "--servers",
            "eu-1",
            "--may-send-commands"));
    JsonNode bot = json(platform.cli("user", "show", "studio", "mod-bot", "--json"));
    assertThat(bot.path("may_send_commands").asBoolean()).isTrue();
    assertThat(ok(platform.cli("user", "list", "studio")).out())
        .containsPattern("stats-site +app +active +servers eu-1, types player.\\*,match.\\*")
        .containsPattern("mod-bot +app +active +servers eu-1, all types, sends commands");
    refused(
        platform.cli("user", "create", "studio", "x", "--kind", "wizard"),
        "kind must be one of owner, game_server, app");
    assertThat(
            platform
                .cli("user", "create", "studio", "y", "--kind", "owner", "--expires-at", "soon")
                .exitCode())
        .isEqualTo(2);
  }

  @Test
  void aShareIsCreatedListedAndDeleted() throws Exception {
    JsonNode share =
        json(
            platform.cli(
                "share",
                "create",
                "studio",
                "--grantee",
                "statsco",
                "--servers",
                "eu-1",
                "--json"));
    String id = share.path("id").asText();
    assertThat(id).startsWith("shr_");

    assertThat(ok(platform.cli("share", "list", "studio")).out())
        .containsPattern(Pattern.quote(id) + " +statsco +eu-1 ");
    refused(
        platform.cli("share", "create", "studio", "--grantee", "nobody", "--servers", "eu-1"),
        "'nobody' is not an account");
    assertThat(ok(platform.cli("share", "delete", "studio", id)).out()).contains("deleted");
    assertThat(json(platform.cli("share", "list", "studio", "--json")).path("items")).isEmpty();
    refused(platform.cli("share", "delete", "studio", id), "does not exist");
  }

  @Test
  void theAuditLogShowsEveryChangeNewestFirst() throws Exception {
    ok(platform.cli("account", "create", "audited", "--plan", "free"));
    ok(platform.cli("account", "set-plan", "audited", "standard"));
    ok(platform.cli("server", "register", "audited", "a1"));
    ok(platform.cli("user", "create", "audited", "bob", "--kind", "owner"));
    ok(platform.cli("user", "rotate", "audited", "bob"));
    ok(platform.cli("user", "revoke", "audited", "bob"));
    String id =
        json(platform.cli(
                "share", "create", "audited", "--grantee", "statsco", "--servers", "a1", "--json"))
            .path("id")
            .asText();
    ok(platform.cli("share", "delete", "audited", id));

    assertThat(ok(platform.cli("audit", "audited")).out())
        .startsWith("ID")
        .containsPattern("operator +account.created +audited +127.0.0.1 +plan=free")
        .contains("account.updated", "server.created", "user.created", "user.rotated")
        .contains("user.revoked", "share.created", "share.deleted");
    JsonNode newest = json(platform.cli("audit", "audited", "--limit", "1", "--json"));
    assertThat(newest.path("items")).hasSize(1);
    assertThat(newest.path("items").get(0).path("action").asText()).isEqualTo("share.deleted");
  }

  /**
   * An app scoped to a server may not read every event, and the broker filters on one kind of
   * subject: a tail without a type or a player is refused in one line that says what to give (it
   * failed with a JetStream timeout), and a family of types is accepted like in the app's scope.
   */
  @Test
  void anAppsTailSaysWhatToPassAndTakesAFamilyOfTypes() throws Exception {
    Path host = dir.resolve("tail-host.creds");
    ok(
        platform.cli(
            "user",
            "create",
            "studio",
            "tail-host",
            "--kind",
            "game_server",
            "--server",
            "eu-1",
            "--creds-out",
            host.toString()));
    Path app = dir.resolve("tail-app.creds");
    ok(
        platform.cli(
            "user",
            "create",
            "studio",
            "tail-app",
            "--kind",
            "app",
            "--servers",
            "eu-1",
            "--event-types",
            "player.*",
            "--creds-out",
            app.toString()));
    CliRun published =
        CliRun.of(
            "events",
            "publish",
            "--url",
            platform.brokerUrl,
            "--creds",
            host.toString(),
            "--journal-dir",
            dir.resolve("journal-" + JOURNALS.incrementAndGet()).toString(),
            "--type",
            "player.connected",
            "--player",
            "steam_9",
            "--data",
            "{\"name\":\"Zoe\"}");
    assertThat(published.exitCode()).as(published.err()).isZero();

    CliRun everything =
        CliRun.of("events", "tail", "--url", platform.brokerUrl, "--creds", app.toString());
    CliRun family =
        CliRun.of(
            "events",
            "tail",
            "--url",
            platform.brokerUrl,
            "--creds",
            app.toString(),
            "--type",
            "player.*",
            "--server",
            "eu-1",
            "--json");

    assertThat(everything.exitCode()).isEqualTo(1);
    assertThat(everything.err())
        .hasLineCount(1)
        .contains("give a type (player.connected, or a family such as player.*) or a player")
        .contains("and a server if the app has some");
    assertThat(family.exitCode()).as(family.err()).isZero();
    assertThat(family.out())
        .contains("\"id\":\"" + published.out().strip() + "\"")
        .contains("\"type\":\"player.connected\"");
  }

  /**
   * An event the broker refuses for good (an app's creds publishing as a game server: a Permissions
   * Violation) ends the command at once with one line, and the event is moved out of the journal to
   * rejected.jsonl instead of being re-sent forever.
   */
  @Test
  void anEventTheBrokerRefusesEndsThePublishWithOneLineAndGoesToTheRejectedFile() throws Exception {
    Path app = dir.resolve("reader-app.creds");
    ok(
        platform.cli(
            "user",
            "create",
            "studio",
            "reader-app",
            "--kind",
            "app",
            "--servers",
            "eu-1",
            "--event-types",
            "player.*",
            "--creds-out",
            app.toString()));
    Path journal = dir.resolve("journal-rejected");
    CliRun refused =
        CliRun.of(
            "events",
            "publish",
            "--url",
            platform.brokerUrl,
            "--creds",
            app.toString(),
            "--server",
            "eu-1",
            "--journal-dir",
            journal.toString(),
            "--type",
            "server.started",
            "--timeout",
            "10s");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .hasLineCount(1)
        .startsWith("gamingapi: event ")
        .contains("rejected by the broker (Permissions Violation")
        .contains("moved to " + journal.resolve("rejected.jsonl"));
    assertThat(Files.readAllLines(journal.resolve("rejected.jsonl"))).hasSize(1);
  }

  @Test
  void sharedEventsAreTailedOverTheApiUntilTheShareIsDeleted() throws Exception {
    ok(platform.cli("account", "create", "lender", "--plan", "free"));
    for (String server : new String[] {"l1", "l2"}) {
      ok(platform.cli("server", "register", "lender", server));
      Path creds = dir.resolve(server + ".creds");
      ok(
          platform.cli(
              "user",
              "create",
              "lender",
              server + "-host",
              "--kind",
              "game_server",
              "--server",
              server,
              "--creds-out",
              creds.toString()));
      assertThat(publish(creds, "5s").exitCode()).isZero();
    }
    String share =
        json(platform.cli(
                "share", "create", "lender", "--grantee", "statsco", "--servers", "l1", "--json"))
            .path("id")
            .asText();
    String token =
        token(ok(platform.cli("user", "create", "statsco", "reader", "--kind", "owner")));

    CliRun tail = ok(tailShared(token));
    assertThat(tail.out().lines()).hasSize(1);
    assertThat(json(tail).path("server").asText()).isEqualTo("l1");
    refused(
        CliRun.of(
            "events",
            "tail",
            "--shared",
            "lender",
            "--api-url",
            platform.httpUrl,
            "--token",
            token,
            "--creds",
            dir.resolve("l1.creds").toString()),
        "give --token, not --creds");

    ok(platform.cli("share", "delete", "lender", share));
    refused(tailShared(token), "share of lender with 'statsco' does not exist");
  }

  private static CliRun tailShared(String token) {
    return CliRun.of(
        "events",
        "tail",
        "--shared",
        "lender",
        "--api-url",
        platform.httpUrl,
        "--token",
        token,
        "--json");
  }

  private static CliRun publish(Path creds, String timeout) {
    return CliRun.of(
        "events",
        "publish",
        "--url",
        platform.brokerUrl,
        "--creds",
        creds.toString(),
        "--journal-dir",
        dir.resolve("journal-" + JOURNALS.incrementAndGet()).toString(),
        "--type",
        "server.started",
        "--timeout",
        timeout);
  }

  private static String token(CliRun run) {
    Matcher matcher = TOKEN.matcher(run.out());
    assertThat(matcher.find()).as(run.out()).isTrue();
    return matcher.group(1);
  }
}
