package dev.gamingapi.cli;

import static dev.gamingapi.cli.CliAccountsTest.json;
import static dev.gamingapi.cli.CliAccountsTest.ok;
import static dev.gamingapi.cli.CliAccountsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.testkit.http.RecordingEndpoint;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notification rules, tests and delivery logs through the CLI, against a real {@code up}. */
class CliNotificationsTest {
  private static final String ALLOW_PRIVATE = "GAMINGAPI_NOTIFY_ALLOW_PRIVATE";

  @TempDir static Path dir;
  static LocalUp platform;
  static RecordingEndpoint endpoint;

  @BeforeAll
  static void startPlatform() throws Exception {
    System.setProperty(ALLOW_PRIVATE, "true"); // the endpoint is on loopback
    endpoint = RecordingEndpoint.start();
    platform = LocalUp.start(dir);
    ok(platform.cli("account", "create", "studio", "--plan", "standard"));
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    System.clearProperty(ALLOW_PRIVATE);
    platform.close();
    endpoint.close();
  }

  @Test
  void aRuleIsCreatedTestedListedPausedResumedAndDeleted() throws Exception {
    String url = endpoint.url("/api/webhooks/42/very-secret-token");
    CliRun created =
        ok(
            platform.cli(
                "notification",
                "create",
                "studio",
                "--kind",
                "discord",
                "--endpoint",
                url,
                "--name",
                "status",
                "--types",
                "server.started,server.stopped"));
    assertThat(created.out())
        .startsWith("Notification ntf_")
        .contains("/api/webhooks/42/****")
        .doesNotContain("very-secret-token")
        .doesNotContain("Signing secret");
    String id = created.out().split(" ")[1];

    assertThat(ok(platform.cli("notification", "test", "studio", id)).out())
        .startsWith("Test delivered: HTTP 204");
    assertThat(endpoint.accepted()).hasSize(1);
    assertThat(ok(platform.cli("notification", "deliveries", "studio", id)).out())
        .startsWith("AT")
        .containsPattern("notification\\.test +1 +delivered +204");

    assertThat(ok(platform.cli("notification", "list", "studio")).out())
        .containsPattern(id + " +status +discord +active");
    assertThat(ok(platform.cli("notification", "pause", "studio", id)).out()).contains("is paused");
    JsonNode paused = json(platform.cli("notification", "show", "studio", id, "--json"));
    assertThat(paused.path("paused_reason").asText()).isEqualTo("paused by a user");
    assertThat(ok(platform.cli("notification", "resume", "studio", id)).out())
        .contains("is active");

    endpoint.answerNext(RecordingEndpoint.Answer.status(404));
    CliRun failed = platform.cli("notification", "test", "studio", id);
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out()).startsWith("Test failed: HTTP 404");

    ok(platform.cli("notification", "delete", "studio", id));
    refused(platform.cli("notification", "show", "studio", id), "does not exist");
  }

  @Test
  void aWebhookSecretIsPrintedOnceAndBadInputIsRefusedInOneLine() throws Exception {
    JsonNode created =
        json(
            platform.cli(
                "notification",
                "create",
                "studio",
                "--kind",
                "webhook",
                "--endpoint",
                endpoint.url("/hook"),
                "--json"));
    assertThat(created.path("secret").asText()).startsWith("whsec_");
    CliRun text =
        ok(
            platform.cli(
                "notification",
                "create",
                "studio",
                "--kind",
                "webhook",
                "--endpoint",
                endpoint.url("/h")));
    assertThat(text.out()).containsPattern("Signing secret \\(shown once\\): whsec_\\S+");

    refused(
        platform.cli(
            "notification", "create", "studio", "--kind", "webhook", "--endpoint", "ftp://x/y"),
        "url must be an https:// URL");
    refused(
        platform.cli(
            "notification",
            "create",
            "studio",
            "--kind",
            "webhook",
            "--endpoint",
            endpoint.url("/h"),
            "--template",
            "{{nope}}"),
        "unknown placeholder {{nope}}");
  }
}
