package dev.gamingapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.testkit.FreePorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account and plan commands against a real {@code gamingapi up}, and how they fail. */
class CliAccountsTest {
  @TempDir static Path dir;
  static LocalUp platform;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = LocalUp.start(dir);
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    platform.close();
  }

  @Test
  void anAccountIsCreatedListedShownAndMovedToAnotherPlan() throws Exception {
    CliRun created =
        ok(platform.cli("account", "create", "acme", "--plan", "free", "--description", "ACME"));
    assertThat(created.out())
        .contains("Account 'acme' created on plan free")
        .contains("public_key");

    List<String> table = ok(platform.cli("account", "list")).out().lines().toList();
    assertThat(table.get(0)).startsWith("NAME").contains("PLAN", "CREATED", "DESCRIPTION");
    int plan = table.get(0).indexOf("PLAN");
    assertThat(table)
        .anySatisfy(line -> assertThat(line).startsWith("acme ").contains(" ACME"))
        .allSatisfy(line -> assertThat(line.charAt(plan - 1)).isEqualTo(' '))
        .anySatisfy(line -> assertThat(line.substring(plan)).startsWith("free "));
    JsonNode page = json(platform.cli("account", "list", "--json"));
    assertThat(names(page)).contains("default", "acme");
    assertThat(page.path("next_cursor").isNull()).isTrue();

    assertThat(json(platform.cli("account", "show", "acme", "--json")).path("description").asText())
        .isEqualTo("ACME");
    assertThat(ok(platform.cli("account", "set-plan", "acme", "pro")).out())
        .contains("Account 'acme' is now on plan pro");
    assertThat(ok(platform.cli("account", "show", "acme")).out()).containsPattern("plan +pro");

    assertThat(ok(platform.cli("account", "usage", "acme")).out())
        .contains("on plan pro, 1 replica per stream", "RESOURCE", "memory", "disk", "streams")
        .contains("connections")
        .containsPattern("streams +2 +50 +4%");
    JsonNode usage = json(platform.cli("account", "usage", "acme", "--json"));
    assertThat(usage.path("streams").path("limit").asLong()).isEqualTo(50);
  }

  @Test
  void plansAreListedWithTheirLimits() throws Exception {
    assertThat(ok(platform.cli("plan", "list")).out())
        .startsWith("NAME")
        .containsPattern("free +64 MiB +256 MiB +3 +20 +256 KiB +7d")
        .contains("standard", "pro");
    assertThat(json(platform.cli("plan", "list", "--json")).path("items")).hasSize(3);
  }

  @Test
  void listsFollowThePagesOrStopAtTheLimit() throws Exception {
    for (String name : List.of("page-1", "page-2", "page-3")) {
      ok(platform.cli("account", "create", name, "--plan", "free"));
    }
    JsonNode all = json(platform.cli("account", "list", "--page-size", "1", "--json"));
    assertThat(names(all))
        .contains("default", "page-1", "page-2", "page-3")
        .doesNotHaveDuplicates();
    assertThat(all.path("next_cursor").isNull()).isTrue();

    JsonNode two = json(platform.cli("account", "list", "--limit", "2", "--json"));
    assertThat(two.path("items")).hasSize(2);
    assertThat(two.path("next_cursor").asText()).isNotEmpty();
    assertThat(ok(platform.cli("account", "list", "--limit", "3", "--page-size", "2")).out())
        .hasLineCount(4);
    assertThat(platform.cli("account", "list", "--limit", "0").exitCode()).isEqualTo(2);
  }

  @Test
  void deletingTakesTheNameTwice() {
    ok(platform.cli("account", "create", "gone", "--plan", "free"));

    refused(platform.cli("account", "delete", "gone", "--confirm", "gon"), "confirm must repeat");
    assertThat(ok(platform.cli("account", "delete", "gone", "--confirm", "gone")).out())
        .contains("Account 'gone' deleted.");
    refused(platform.cli("account", "show", "gone"), "account 'gone' does not exist");
  }

  @Test
  void refusedRequestsAreOneLineNamingTheProblem() {
    refused(platform.cli("account", "create", "x1", "--plan", "gold"), "plan 'gold' is not a plan");
    refused(platform.cli("account", "create", "Bad!", "--plan", "free"), "name 'Bad!' must match");
    refused(platform.cli("account", "create", "default", "--plan", "free"), "already exists");
    CliRun badToken = platform.cli("account", "list", "--token", "gapi_" + "A".repeat(43));
    refused(badToken, "the token is unknown, revoked or expired (token from --token)");

    String nowhere = "http://127.0.0.1:" + FreePorts.next();
    CliRun down = platform.cli("account", "list", "--url", nowhere, "--token", "t");
    assertThat(down.exitCode()).isEqualTo(3);
    assertThat(down.err().strip())
        .startsWith("gamingapi: cannot reach the GamingAPI REST API at " + nowhere)
        .contains("./gamingapi up")
        .hasLineCount(1);

    CliRun usage = platform.cli("account", "create", "x2");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).contains("--plan");
  }

  @Test
  void theLocalOperatorTokenGoesOnlyToTheLocalApi() {
    Path elsewhere = dir.resolve("elsewhere");
    CliRun explicit =
        CliRun.of(
            "account",
            "show",
            "default",
            "--url",
            platform.httpUrl + "/api/v1/",
            "--token-file",
            platform.operatorToken.toString(),
            "--data-dir",
            elsewhere.toString());
    assertThat(ok(explicit).out()).containsPattern("name +default");

    String otherUrl = platform.httpUrl.replace("127.0.0.1", "localhost");
    CliRun other = platform.cli("account", "list", "--url", otherUrl);
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).startsWith("no API token: give --token or --token-file");
  }

  static CliRun ok(CliRun run) {
    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    return run;
  }

  static JsonNode json(CliRun run) throws Exception {
    return ContractJson.mapper().readTree(ok(run).out());
  }

  static void refused(CliRun run, String problem) {
    assertThat(run.exitCode()).as("stdout: %s", run.out()).isEqualTo(1);
    assertThat(run.err().strip())
        .startsWith("gamingapi: ")
        .contains(problem)
        .doesNotContain("Exception")
        .hasLineCount(1);
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.path("items").forEach(item -> names.add(item.path("name").asText()));
    return names;
  }
}
