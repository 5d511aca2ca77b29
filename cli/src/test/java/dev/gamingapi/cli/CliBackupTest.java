package dev.gamingapi.cli;

import static dev.gamingapi.cli.CliAccountsTest.json;
import static dev.gamingapi.cli.CliAccountsTest.ok;
import static dev.gamingapi.cli.CliAccountsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.server.keys.MasterKey;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gamingapi backup} of a running platform with two tenants, and {@code gamingapi restore}
 * into a new data directory after the old one is gone: what a move to a new machine does.
 */
class CliBackupTest {
  /** Events per tenant; raise it ({@code -Dgamingapi.backupTest.events=100000}) for figures. */
  private static final int EVENTS = Integer.getInteger("gamingapi.backupTest.events", 100);

  private static final Pattern TOKEN = Pattern.compile("Token: (gapi_\\S+)");
  private static final List<String> TENANTS = List.of("default", "acme");

  @TempDir Path dir;

  @Test
  void aRunningPlatformBackedUpIsRestoredOnANewDataDirectoryWithEveryEventOnce() throws Exception {
    Path backup = dir.resolve("backup");
    Path keptKey = dir.resolve("kept-master.key"); // stored apart, as the docs ask
    Map<String, Path> creds = new LinkedHashMap<>();
    creds.put("default", dir.resolve("default-owner.creds"));
    creds.put("acme", dir.resolve("acme-owner.creds"));
    Map<String, Tenant> before = new LinkedHashMap<>();
    String token;
    String operatorToken;
    try (LocalUp old = LocalUp.start(dir.resolve("old"))) {
      ok(old.cli("account", "create", "acme", "--plan", "standard"));
      ok(old.cli("server", "register", "acme", "eu-1"));
      Path acmeServer = dir.resolve("acme-eu-1.creds");
      ok(
          old.cli(
              "user",
              "create",
              "acme",
              "eu-1-host",
              "--kind",
              "game_server",
              "--server",
              "eu-1",
              "--creds-out",
              acmeServer.toString()));
      token =
          token(
              ok(
                  old.cli(
                      "user",
                      "create",
                      "acme",
                      "reader",
                      "--kind",
                      "owner",
                      "--creds-out",
                      creds.get("acme").toString())));
      Files.copy(Path.of(old.creds("owner")), creds.get("default"));
      for (String tenant : TENANTS) {
        ok(old.cli("history", "leaderboard", "define", tenant, "kills", "--stat", "kills"));
      }
      // Before the events: with many of them the read models keep SQLite's one writer busy.
      ok(old.cli("command", "send", "acme", "eu-1", "kick", "--arg", "player_id=7"));
      publishKills(old, Path.of(old.creds("demo")), dir.resolve("journal-default"), EVENTS);
      publishKills(old, acmeServer, dir.resolve("journal-acme"), EVENTS);
      for (String tenant : TENANTS) {
        before.put(tenant, awaitApplied(old, tenant, creds.get(tenant)));
        assertThat(before.get(tenant).events().getMsgCount()).isGreaterThanOrEqualTo(EVENTS);
      }
      assertThat(before.get("acme").commands().getMsgCount()).isEqualTo(1);
      operatorToken = Files.readString(old.operatorToken);

      CliRun saved =
          CliRun.of("backup", "--to", backup.toString(), "--data-dir", old.dataDir.toString());
      assertThat(saved.exitCode()).as(saved.err()).isZero();
      System.out.println(saved.out());
      assertThat(saved.out())
          .contains("database (sqlite): 2 tenant(s)")
          .contains("the master key is not copied")
          .containsPattern("(?m)^acme: EVENTS " + String.format("%,d", EVENTS) + " msgs")
          .containsPattern("(?m)^default: EVENTS ")
          .contains("backed up 2 tenant(s)");
      assertThat(backup.resolve("manifest.json")).exists();
      assertThat(backup.resolve("master.key")).doesNotExist();
      Files.copy(old.dataDir.resolve("master.key"), keptKey);
    }
    deleteTree(dir.resolve("old")); // the old machine is gone

    Path newData = dir.resolve("new").resolve("data");
    Path empty = Files.createDirectories(dir.resolve("not-a-backup"));
    String elsewhere = dir.resolve("b2").toString();
    refused(
        CliRun.of("backup", "--to", elsewhere, "--data-dir", empty.toString()),
        "is the platform running (gamingapi up)? Or give --url");
    refused(
        CliRun.of(
            "backup", "--to", elsewhere, "--data-dir", empty.toString(), "--url", "nats://h:1"),
        "no keys.json in " + empty);
    refused(
        CliRun.of("restore", "--from", empty.toString(), "--data-dir", newData.toString()),
        "no manifest.json in " + empty);
    Path wrongKey = dir.resolve("wrong.key");
    Files.writeString(wrongKey, MasterKey.generateBase64() + "\n");
    refused(
        CliRun.of(
            "restore",
            "--from",
            backup.toString(),
            "--data-dir",
            newData.toString(),
            "--master-key-file",
            wrongKey.toString()),
        "does not open");
    assertThat(newData).doesNotExist(); // checked before anything is written
    refused(
        CliRun.of(
            "restore",
            "--from",
            backup.toString(),
            "--data-dir",
            dir.toString(),
            "--master-key-file",
            keptKey.toString()),
        "is not empty");

    CliRun restored =
        CliRun.of(
            "restore",
            "--from",
            backup.toString(),
            "--data-dir",
            newData.toString(),
            "--master-key-file",
            keptKey.toString());
    assertThat(restored.exitCode()).as(restored.err()).isZero();
    System.out.println(restored.out());
    assertThat(restored.out())
        .containsPattern("^backup of 20\\S+ \\(gamingapi dev, sqlite\\): 2 tenant\\(s\\)\n")
        .contains("restored 2 tenant(s)")
        .contains("gamingapi up");

    try (LocalUp fresh = LocalUp.start(dir.resolve("new"))) {
      assertThat(ok(fresh.cli("account", "list")).out()).contains("acme").contains("default");
      assertThat(Files.readString(fresh.operatorToken)).isEqualTo(operatorToken);
      ok(fresh.cli("server", "show", "acme", "eu-1", "--token", token)); // a user's API token
      for (String tenant : TENANTS) {
        Tenant after = awaitApplied(fresh, tenant, creds.get(tenant)); // creds from before
        assertThat(after).as(tenant).isEqualTo(before.get(tenant));
      }

      // A new event after the restore: applied once, at the next sequence.
      publishKills(
          fresh, Path.of(fresh.creds("demo")), dir.resolve("journal-default"), 1); // p0 again
      Tenant next = awaitApplied(fresh, "default", creds.get("default"));
      Tenant was = before.get("default");
      assertThat(next.events().getLastSequence()).isEqualTo(was.events().getLastSequence() + 1);
      assertThat(next.events().getMsgCount()).isEqualTo(was.events().getMsgCount() + 1);
      assertThat(next.top()).contains("p0").containsPattern("1 +p0 +2.0");
    }
  }

  /**
   * What is compared before and after: the streams' states, every event's (sequence, id), and the
   * leaderboard as printed.
   */
  private record Tenant(
      StreamState events, StreamState commands, List<String> eventIds, String top) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Tenant that
          && same(events, that.events)
          && same(commands, that.commands)
          && eventIds.equals(that.eventIds)
          && top.equals(that.top);
    }

    @Override
    public int hashCode() {
      return eventIds.hashCode();
    }

    // An empty stream's first sequence is 0 as created and 1 as restored: nothing to compare.
    private static boolean same(StreamState a, StreamState b) {
      return a.getLastSequence() == b.getLastSequence()
          && a.getMsgCount() == b.getMsgCount()
          && (a.getMsgCount() == 0 || a.getFirstSequence() == b.getFirstSequence());
    }

    @Override
    public String toString() {
      return "EVENTS %d msgs %d-%d, COMMANDS %d msgs up to %d, ids %s..%s, top:%n%s"
          .formatted(
              events.getMsgCount(),
              events.getFirstSequence(),
              events.getLastSequence(),
              commands.getMsgCount(),
              commands.getLastSequence(),
              eventIds.isEmpty() ? "-" : eventIds.get(0),
              eventIds.isEmpty() ? "-" : eventIds.get(eventIds.size() - 1),
              top);
    }
  }

  /** {@code count} kills, by players p0, p1, ... (one each). */
  private static void publishKills(LocalUp platform, Path creds, Path journal, int count)
      throws Exception {
    try (GameServerClient client =
        GameServerClient.builder()
            .url(platform.brokerUrl)
            .credentials(creds)
            .journalDir(journal)
            .build()) {
      for (int i = 0; i < count; i++) {
        client.publish(new PlayerKilled("p" + i, "victim", null, null, null));
      }
      client.flush(Duration.ofSeconds(60));
    }
  }

  /** Waits until the read models applied the whole EVENTS stream, then reads the tenant. */
  private static Tenant awaitApplied(LocalUp platform, String tenant, Path creds) throws Exception {
    try (Connection owner =
        Nats.connect(
            Options.builder()
                .server(platform.brokerUrl)
                .authHandler(Nats.credentials(creds.toString()))
                .build())) {
      JetStreamManagement jsm = owner.jetStreamManagement();
      StreamState events = jsm.getStreamInfo("EVENTS").getStreamState();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  json(platform.cli("history", "state", tenant, "--json")).path("position").asLong()
                      >= events.getLastSequence());
      List<String> ids = new ArrayList<>();
      long step = Math.max(1, events.getMsgCount() / 2000); // every event at the default size
      for (long seq = events.getFirstSequence(); seq <= events.getLastSequence(); seq += step) {
        MessageInfo message = jsm.getMessage("EVENTS", seq);
        ids.add(seq + " " + message.getHeaders().getFirst("Nats-Msg-Id"));
      }
      return new Tenant(
          events,
          jsm.getStreamInfo("COMMANDS").getStreamState(),
          ids,
          ok(platform.cli("history", "leaderboard", "top", tenant, "kills", "--limit", "3")).out());
    }
  }

  private static String token(CliRun created) {
    Matcher matcher = TOKEN.matcher(created.out());
    assertThat(matcher.find()).as(created.out()).isTrue();
    return matcher.group(1);
  }

  private static void deleteTree(Path root) throws Exception {
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
