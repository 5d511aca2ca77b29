package dev.gamingapi.cli;

import static dev.gamingapi.cli.CliAccountsTest.json;
import static dev.gamingapi.cli.CliAccountsTest.ok;
import static dev.gamingapi.cli.CliAccountsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Third-party apps and grants through the CLI, against a real {@code up}. */
class CliOAuthTest {
  @TempDir static Path dir;
  static LocalUp platform;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = LocalUp.start(dir);
    ok(platform.cli("account", "create", "studio", "--plan", "standard"));
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    platform.close();
  }

  @Test
  void theOperatorRegistersListsAndDeletesAnApp() throws Exception {
    String created =
        ok(platform.cli(
                "oauth",
                "client-create",
                "Stats Site",
                "--homepage",
                "https://stats.example",
                "--redirect-uri",
                "https://stats.example/callback"))
            .out();
    assertThat(created).contains("Secret (shown only now): gapics_");
    String id =
        json(platform.cli("oauth", "client-list", "--json"))
            .path("items")
            .get(0)
            .path("client_id")
            .asText();
    assertThat(ok(platform.cli("oauth", "client-list")).out())
        .startsWith("CLIENT_ID")
        .contains(id, "Stats Site", "confidential")
        .doesNotContain("gapics_");

    ok(platform.cli("oauth", "client-delete", id));

    refused(platform.cli("oauth", "client-delete", id), "does not exist");
  }

  @Test
  void badInputIsOneLineAndNonZero() throws Exception {
    refused(
        platform.cli(
            "oauth",
            "client-create",
            "Bad",
            "--homepage",
            "https://bad.example",
            "--redirect-uri",
            "http://bad.example/cb"),
        "redirect_uris");
    assertThat(ok(platform.cli("oauth", "grants", "studio")).out()).startsWith("ID");
    refused(platform.cli("oauth", "revoke", "studio", "grt_AAAAAAAAAAAAAAAAAAAAAA"), "grant");
  }
}
