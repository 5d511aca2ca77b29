package dev.gamingapi.cli;

import static dev.gamingapi.cli.CliAccountsTest.json;
import static dev.gamingapi.cli.CliAccountsTest.ok;
import static dev.gamingapi.cli.CliAccountsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history commands (status, profiles, leaderboards, upkeep) against a real {@code up}. */
class CliHistoryTest {
  @TempDir static Path dir;
  static LocalUp platform;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = LocalUp.start(dir);
    publish("server.started", null, "{\"game\":\"rust\"}");
    publish("player.connected", "steam_1", "{\"name\":\"Alice\"}");
    publish("player.killed", "steam_1", "{\"victim_id\":\"steam_2\"}");
    awaitPosition(3);
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    platform.close();
  }

  private static void publish(String type, String player, String data) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "events",
                "publish",
                "--url",
                platform.brokerUrl,
                "--creds",
                platform.creds("demo"),
                "--journal-dir",
                dir.resolve("journal").toString(),
                "--type",
                type,
                "--data",
                data));
    if (player != null) {
      args.addAll(java.util.List.of("--player", player));
    }
    ok(CliRun.of(args.toArray(String[]::new)));
  }

  private static void awaitPosition(long position) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                json(platform.cli("history", "state", "default", "--json"))
                        .path("position")
                        .asLong()
                    >= position);
  }

  @Test
  void statusProfilesAndSearchArePrinted() throws Exception {
    assertThat(ok(platform.cli("history", "status", "default", "demo")).out())
        .containsPattern("state +online")
        .containsPattern("players +steam_1");
    assertThat(
            json(platform.cli("history", "player", "default", "steam_1", "--json"))
                .path("kills")
                .asLong())
        .isEqualTo(1);
    assertThat(ok(platform.cli("history", "players", "default", "--name", "ali")).out())
        .startsWith("PLAYER")
        .containsPattern("steam_1 +Alice");
    assertThat(ok(platform.cli("history", "dead-letters", "default")).out()).startsWith("ID");
    refused(platform.cli("history", "player", "default", "a.b"), "player");
    refused(platform.cli("history", "player", "default", "nobody"), "nobody");
  }

  @Test
  void aLeaderboardIsDefinedBackfilledAndQueried() throws Exception {
    ok(platform.cli("history", "leaderboard", "define", "default", "kills", "--stat", "kills"));
    awaitPosition(3);
    assertThat(ok(platform.cli("history", "leaderboard", "top", "default", "kills")).out())
        .startsWith("RANK")
        .containsPattern("1 +steam_1 +1.0");
    assertThat(
            json(platform.cli(
                    "history", "leaderboard", "rank", "default", "kills", "steam_1", "--json"))
                .path("rank")
                .asLong())
        .isEqualTo(1);
    assertThat(ok(platform.cli("history", "leaderboard", "count", "default", "kills")).out())
        .containsPattern("count +1");
    assertThat(ok(platform.cli("history", "rebuild", "default")).out())
        .containsPattern("position +0");
    awaitPosition(3);
    assertThat(
            ok(platform.cli(
                    "history",
                    "leaderboard",
                    "rank",
                    "default",
                    "kills",
                    "steam_1",
                    "--around",
                    "1"))
                .out())
        .containsPattern("1 +steam_1 +1.0");
    assertThat(
            json(platform.cli(
                    "history", "forget", "default", "steam_3", "--confirm", "steam_3", "--json"))
                .path("erased_events")
                .asLong())
        .isZero();
    // Forgetting cannot be undone: it asks for the player id twice; define takes no period.
    assertThat(platform.cli("history", "forget", "default", "steam_3").exitCode()).isEqualTo(2);
    refused(
        platform.cli("history", "forget", "default", "steam_3", "--confirm", "steam_4"),
        "--confirm must repeat the player id (steam_3)");
    assertThat(
            platform
                .cli(
                    "history",
                    "leaderboard",
                    "define",
                    "default",
                    "p",
                    "--stat",
                    "kills",
                    "--period",
                    "all")
                .err())
        .contains("Unknown options: '--period'");
    refused(
        platform.cli(
            "history",
            "leaderboard",
            "define",
            "default",
            "bad",
            "--stat",
            "kills",
            "--reset",
            "0 0 * * *"),
        "cron");
    refused(
        platform.cli(
            "history",
            "leaderboard",
            "define",
            "default",
            "bad",
            "--stat",
            "kills",
            "--cron",
            "61 * * * *"),
        "minute");
    ok(
        platform.cli(
            "history",
            "leaderboard",
            "define",
            "default",
            "fridays",
            "--stat",
            "kills",
            "--cron",
            "0 18 * * fri",
            "--time-zone",
            "Europe/Paris"));
    assertThat(ok(platform.cli("history", "leaderboard", "list", "default")).out())
        .startsWith("NAME")
        .containsPattern("fridays +kills +incr +desc +- +cron +0 18 \\* \\* fri +Europe/Paris")
        .containsPattern("kills +kills +incr +desc +- +none");
    assertThat(ok(platform.cli("history", "leaderboard", "show", "default", "fridays")).out())
        .containsPattern("cron +0 18 \\* \\* fri");
    awaitPosition(3);
    assertThat(ok(platform.cli("history", "leaderboard", "periods", "default", "kills")).out())
        .isEqualTo("all\n");
    assertThat(ok(platform.cli("history", "leaderboard", "delete", "default", "fridays")).out())
        .contains("Leaderboard fridays of default deleted.");
    refused(platform.cli("history", "leaderboard", "show", "default", "fridays"), "fridays");
  }
}
