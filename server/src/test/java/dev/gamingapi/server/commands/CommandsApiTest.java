package dev.gamingapi.server.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may send and read commands, and bad input refused before anything is queued. */
@OnEachDatabase
class CommandsApiTest extends PlatformPerClass {
  private static final String A = "/api/v1/accounts/cmd-a/servers/s1/commands";

  @Test
  void onlyAnOwnerOrTheOperatorSendsAndAnotherTenantSeesNothing() throws Exception {
    fixture.account("cmd-a", "standard");
    fixture.account("cmd-b", "standard");
    fixture.server("cmd-a", "s1");
    fixture.server("cmd-a", "s2");
    PlatformFixture.Issued owner = fixture.user("cmd-a", "{\"name\":\"o\",\"kind\":\"owner\"}");
    PlatformFixture.Issued app = fixture.user("cmd-a", "{\"name\":\"bot\",\"kind\":\"app\"}");
    PlatformFixture.Issued host =
        fixture.user("cmd-a", "{\"name\":\"h\",\"kind\":\"game_server\",\"server\":\"s1\"}");
    PlatformFixture.Issued other = fixture.user("cmd-b", "{\"name\":\"o\",\"kind\":\"owner\"}");

    Api.Response sent = owner.api().post(A, "{\"name\":\"broadcast\",\"args\":{\"text\":\"hi\"}}");
    assertThat(sent.status()).isEqualTo(202);
    String id = sent.json().path("id").asText();
    assertThat(sent.header("Location")).isEqualTo(A + "/" + id);
    assertThat(sent.json().path("status").asText()).isEqualTo("queued");
    assertThat(fixture.operator.post(A, "{\"name\":\"save\"}").status()).isEqualTo(202);

    Api.Response byApp = app.api().post(A, "{\"name\":\"kick\"}");
    assertThat(byApp.status()).isEqualTo(403);
    assertThat(host.api().post(A, "{\"name\":\"kick\"}").status()).isEqualTo(403);
    assertThat(app.api().get(A).json().path("items")).hasSize(2);
    assertThat(app.api().get(A + "/" + id).json().path("name").asText()).isEqualTo("broadcast");
    // The id is s1's: under another server's path it does not exist.
    assertThat(owner.api().get("/api/v1/accounts/cmd-a/servers/s2/commands/" + id).status())
        .isEqualTo(404);

    for (Api.Response response :
        List.of(
            other.api().post(A, "{\"name\":\"kick\"}"),
            other.api().get(A),
            other.api().get(A + "/" + id))) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.raw().body()).doesNotContain("broadcast");
    }
    // NATS: each tenant has its own COMMANDS stream; the other's holds none of these.
    assertThat(commandsStored(other)).isZero();
    assertThat(commandsStored(owner)).isEqualTo(2);
  }

  @Test
  void aCommandShowsTheSameTimesWhenSentAsWhenReadBack() throws Exception {
    fixture.account("cmd-times", "standard");
    fixture.server("cmd-times", "s1");
    PlatformFixture.Issued owner = fixture.user("cmd-times", "{\"name\":\"o\",\"kind\":\"owner\"}");
    String base = "/api/v1/accounts/cmd-times/servers/s1/commands";
    // Nanoseconds given, milliseconds kept: the answer to the send must not show more than a read.
    String expires = Instant.now().plusSeconds(600).toString().replace("Z", "").substring(0, 19);
    Api.Response sent =
        owner
            .api()
            .post(
                base,
                "{\"name\":\"kick\",\"expires_at\":\""
                    + expires
                    + ".123456789Z\","
                    + "\"not_before\":\""
                    + Instant.now().toString().substring(0, 19)
                    + ".987654321Z\"}");
    assertThat(sent.status()).isEqualTo(202);
    JsonNode read = owner.api().get(base + "/" + sent.json().path("id").asText()).json();
    for (String field : List.of("created_at", "updated_at", "expires_at", "not_before")) {
      assertThat(sent.json().path(field).asText()).as(field).isEqualTo(read.path(field).asText());
    }
    assertThat(read.path("expires_at").asText()).endsWith(".123Z");
  }

  @Test
  void badInputIsRefusedNamingTheProblemAndNothingIsQueued() throws Exception {
    fixture.account("cmd-bad", "standard");
    fixture.server("cmd-bad", "s1");
    PlatformFixture.Issued owner = fixture.user("cmd-bad", "{\"name\":\"o\",\"kind\":\"owner\"}");
    String base = "/api/v1/accounts/cmd-bad/servers/s1/commands";
    Api api = owner.api();
    // The platform's own connection in the tenant (command tracking) is not counted as the
    // tenant's.
    assertThat(
            fixture
                .operator
                .get("/api/v1/accounts/cmd-bad/usage")
                .json()
                .path("connections")
                .path("used")
                .asLong())
        .isZero();

    Api.Response unknown =
        api.post("/api/v1/accounts/cmd-bad/servers/nope/commands", "{\"name\":\"kick\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("detail").asText()).contains("nope");
    String past = Instant.now().minusSeconds(60).toString();
    String soon = Instant.now().plusSeconds(60).toString();
    String[][] cases = {
      {"{}", "name"},
      {"{\"name\":\"Kick!\"}", "name"},
      {"{\"name\":\"kick\",\"args\":[1]}", "args"},
      {"{\"name\":\"kick\",\"args\":\"x\"}", "args"},
      {"{\"name\":\"kick\",\"ttl_seconds\":0}", "ttl_seconds"},
      {"{\"name\":\"kick\",\"ttl_seconds\":9999999999}", "ttl_seconds"},
      {"{\"name\":\"kick\",\"expires_at\":\"" + past + "\"}", "expires_at"},
      {"{\"name\":\"kick\",\"expires_at\":\"" + soon + "\",\"ttl_seconds\":5}", "ttl_seconds"},
      {
        "{\"name\":\"kick\",\"expires_at\":\"" + soon + "\",\"not_before\":\"" + soon + "\"}",
        "not_before"
      },
      {"{\"name\":\"kick\",\"when\":1}", "when"},
      {"{\"name\":\"kick\",\"idempotency_key\":\"\"}", "idempotency_key"},
    };
    for (String[] bad : cases) {
      Api.Response response = api.sendUnchecked("POST", base, bad[0], "application/json");
      assertThat(response.status()).as(bad[0]).isEqualTo(400);
      assertThat(response.json().path("errors").get(0).path("field").asText())
          .as(bad[0])
          .isEqualTo(bad[1]);
    }
    Api.Response broken = api.sendUnchecked("POST", base, "{\"name\":", "application/json");
    assertThat(broken.status()).isEqualTo(400);
    String big = "{\"name\":\"broadcast\",\"args\":{\"text\":\"" + "x".repeat(70_000) + "\"}}";
    Api.Response tooBig = api.post(base, big);
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.json().path("type").asText()).endsWith("/payload-too-large");
    assertThat(api.get(base + "?status=lost").status()).isEqualTo(400);
    assertThat(api.get(base + "?since=yesterday").status()).isEqualTo(400);

    assertThat(api.get(base).json().path("items")).isEmpty();
    assertThat(commandsStored(owner)).isZero();
  }

  @Test
  void theHistoryPagesNewestFirstAndFilters() throws Exception {
    fixture.account("cmd-h", "standard");
    fixture.server("cmd-h", "s1");
    PlatformFixture.Issued owner = fixture.user("cmd-h", "{\"name\":\"o\",\"kind\":\"owner\"}");
    String base = "/api/v1/accounts/cmd-h/servers/s1/commands";
    for (int i = 0; i < 3; i++) {
      owner.api().post(base, "{\"name\":\"broadcast\",\"args\":{\"i\":" + i + "}}");
    }
    owner.api().post(base, "{\"name\":\"kick\"}");
    JsonNode first = owner.api().get(base + "?limit=2").json();
    assertThat(first.path("items").get(0).path("name").asText()).isEqualTo("kick");
    JsonNode second =
        owner.api().get(base + "?limit=2&cursor=" + first.path("next_cursor").asText()).json();
    assertThat(second.path("items")).hasSize(2);
    assertThat(second.path("next_cursor").isNull()).isTrue();
    assertThat(second.path("items").get(1).path("args").path("i").asInt()).isZero();
    assertThat(owner.api().get(base + "?name=broadcast&status=queued").json().path("items"))
        .hasSize(3);
    assertThat(
            owner.api().get(base + "?since=" + Instant.now().plusSeconds(60)).json().path("items"))
        .isEmpty();
  }

  private long commandsStored(PlatformFixture.Issued owner) throws Exception {
    try (PlatformFixture.Client client = fixture.connect(owner, null)) {
      return client
          .connection()
          .jetStreamManagement()
          .getStreamInfo("COMMANDS")
          .getStreamState()
          .getMsgCount();
    }
  }
}
