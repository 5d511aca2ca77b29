package dev.gamingapi.server.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.CommandReceiver;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands end to end: sent over REST, run by an SDK handler on a real game-server credential,
 * tracked over REST from the events the SDK publishes.
 */
@OnEachDatabase
class CommandsDeliveryTest extends PlatformPerClass {
  @TempDir Path journals;
  private PlatformFixture.Issued owner;

  @Override
  protected void setUpPlatform() throws Exception {
    fixture.account("cmds", "standard");
    owner = fixture.user("cmds", "{\"name\":\"o\",\"kind\":\"owner\"}");
  }

  @Test
  void commandsSentWhileTheServerIsOfflineRunInOrderOnceWhenItComesBack() throws Exception {
    PlatformFixture.Issued host = server("off");
    String b1 = send("off", "{\"name\":\"broadcast\",\"args\":{\"n\":1}}", 202);
    String kick = send("off", "{\"name\":\"kick\",\"args\":{\"p\":\"x\"},\"ttl_seconds\":1}", 202);
    String b2 = send("off", "{\"name\":\"broadcast\",\"args\":{\"n\":2}}", 202);
    String b3 = send("off", "{\"name\":\"broadcast\",\"args\":{\"n\":3}}", 202);
    assertThat(status("off", b1)).isEqualTo("queued");
    // The kick's time to live passes while the server is away (the SDK skips it by its own clock).
    Instant kickExpires = Instant.parse(get("off", kick).path("expires_at").asText());
    await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(kickExpires));

    List<String> ran = new CopyOnWriteArrayList<>();
    try (GameServerClient client = client(host, "off");
        CommandReceiver receiver =
            CommandReceiver.builder(client)
                .on(
                    "broadcast",
                    cmd -> {
                      ran.add("broadcast " + cmd.args().path("n").asInt());
                      return Map.of("shown_to", cmd.args().path("n").asInt() * 10);
                    })
                .on(
                    "kick",
                    cmd -> {
                      ran.add("kick");
                      return null;
                    })
                .start()) {
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> "succeeded".equals(status("off", b3)) && "expired".equals(status("off", kick)));
      assertThat(status("off", b1)).isEqualTo("succeeded");
      assertThat(status("off", b2)).isEqualTo("succeeded");
      JsonNode first = get("off", b1);
      assertThat(first.path("output").path("shown_to").asInt()).isEqualTo(10);
      // Nothing runs twice: still these while a second delivery would have come.
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(3))
          .untilAsserted(
              () -> assertThat(ran).containsExactly("broadcast 1", "broadcast 2", "broadcast 3"));
      assertThat(receiver.completed()).isEqualTo(4);
    }
    JsonNode expired = owner.api().get(base("off") + "?status=expired").json().path("items");
    assertThat(expired).hasSize(1);
    assertThat(expired.get(0).path("id").asText()).isEqualTo(kick);
  }

  @Test
  void theSameIdempotencyKeyTwiceQueuesAndRunsOnce() throws Exception {
    PlatformFixture.Issued host = server("idem");
    String body = "{\"name\":\"ban\",\"args\":{\"p\":\"7\"},\"idempotency_key\":\"ban-7\"}";
    String id = send("idem", body, 202);
    assertThat(send("idem", body, 200)).isEqualTo(id);
    Api.Response reused =
        owner
            .api()
            .post(
                base("idem"),
                "{\"name\":\"ban\",\"args\":{\"p\":\"8\"},\"idempotency_key\":\"ban-7\"}");
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json().path("detail").asText()).contains("idempotency_key", id);
    AtomicInteger runs = new AtomicInteger();
    try (GameServerClient client = client(host, "idem");
        CommandReceiver receiver =
            CommandReceiver.builder(client).on("ban", cmd -> runs.incrementAndGet()).start()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> "succeeded".equals(status("idem", id)));
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(3))
          .untilAsserted(() -> assertThat(runs.get()).isEqualTo(1));
    }
    // After it ran, the key still finds the same command: nothing is queued again.
    assertThat(send("idem", body, 200)).isEqualTo(id);
    assertThat(owner.api().get(base("idem")).json().path("items")).hasSize(1);
  }

  @Test
  void aHandlerThatThrowsIsRetriedThenFailedWithItsError() throws Exception {
    PlatformFixture.Issued host = server("flaky");
    String id = send("flaky", "{\"name\":\"change_map\",\"args\":{\"map\":\"de_x\"}}", 202);
    String after = send("flaky", "{\"name\":\"change_map\",\"args\":{\"map\":\"de_ok\"}}", 202);
    List<Integer> deliveries = new CopyOnWriteArrayList<>();
    try (GameServerClient client = client(host, "flaky");
        CommandReceiver receiver =
            CommandReceiver.builder(client)
                .maxDeliveries(3)
                .retryBackoff(Duration.ofMillis(50))
                .on(
                    "change_map",
                    cmd -> {
                      if (cmd.args().path("map").asText().equals("de_x")) {
                        deliveries.add(cmd.delivery());
                        throw new IllegalStateException("map not found: de_x");
                      }
                      return "ok";
                    })
                .start()) {
      await().atMost(Duration.ofSeconds(15)).until(() -> "failed".equals(status("flaky", id)));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> "succeeded".equals(status("flaky", after)));
    }
    JsonNode failed = get("flaky", id);
    assertThat(failed.path("error").asText()).isEqualTo("map not found: de_x");
    assertThat(failed.path("attempts").asInt()).isEqualTo(3);
    assertThat(deliveries).containsExactly(1, 2, 3);
    assertThat(get("flaky", after).path("output").asText()).isEqualTo("ok");
  }

  @Test
  void aCommandHeldByItsServerIsDeliveredAndOneNotBeforeItsTimeWaits() throws Exception {
    PlatformFixture.Issued host = server("slow");
    String held = send("slow", "{\"name\":\"save\"}", 202);
    Instant notBefore = Instant.now().plusSeconds(2);
    String later = send("slow", "{\"name\":\"restart\",\"not_before\":\"" + notBefore + "\"}", 202);
    CountDownLatch release = new CountDownLatch(1);
    List<Instant> restarts = new CopyOnWriteArrayList<>();
    try (GameServerClient client = client(host, "slow");
        CommandReceiver receiver =
            CommandReceiver.builder(client)
                .on("save", cmd -> release.await(10, TimeUnit.SECONDS))
                .on("restart", cmd -> restarts.add(Instant.now()))
                .start()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(status("slow", held)));
      assertThat(status("slow", later)).isEqualTo("queued"); // in order: behind the held one
      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> "succeeded".equals(status("slow", later)));
    }
    assertThat(restarts).hasSize(1);
    assertThat(restarts.get(0)).isAfterOrEqualTo(notBefore);
  }

  private PlatformFixture.Issued server(String id) throws Exception {
    fixture.server("cmds", id);
    return fixture.user(
        "cmds",
        "{\"name\":\"" + id + "-host\",\"kind\":\"game_server\",\"server\":\"" + id + "\"}");
  }

  private GameServerClient client(PlatformFixture.Issued host, String id) {
    return GameServerClient.builder()
        .url(fixture.brokerUrl())
        .credentials(host.creds())
        .journalDir(journals.resolve(id))
        .build();
  }

  private String base(String server) {
    return "/api/v1/accounts/cmds/servers/" + server + "/commands";
  }

  private String send(String server, String body, int expected) {
    Api.Response sent = owner.api().post(base(server), body);
    assertThat(sent.status()).as(sent.raw().body()).isEqualTo(expected);
    return sent.json().path("id").asText();
  }

  private JsonNode get(String server, String id) {
    return owner.api().get(base(server) + "/" + id).json();
  }

  private String status(String server, String id) {
    return get(server, id).path("status").asText();
  }
}
