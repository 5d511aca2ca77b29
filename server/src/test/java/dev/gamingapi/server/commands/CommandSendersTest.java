package dev.gamingapi.server.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.sdk.CommandReceiver;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apps granted {@code may_send_commands}: they send to the servers they may read, and only those;
 * apps without the right, and other tenants, cannot.
 */
@OnEachDatabase
class CommandSendersTest extends PlatformPerClass {
  private static final String USERS = "/api/v1/accounts/snd/users";
  @TempDir Path journals;

  @Test
  void anAppWithTheRightSendsToItsServersOnly() throws Exception {
    fixture.account("snd", "standard");
    fixture.account("snd-other", "standard");
    fixture.server("snd", "s1");
    fixture.server("snd", "s2");
    fixture.server("snd-other", "s1");
    PlatformFixture.Issued bot =
        fixture.user("snd", "{\"name\":\"bot\",\"kind\":\"app\",\"may_send_commands\":true}");
    PlatformFixture.Issued reader = fixture.user("snd", "{\"name\":\"reader\",\"kind\":\"app\"}");
    PlatformFixture.Issued s1Bot =
        fixture.user(
            "snd",
            "{\"name\":\"s1-bot\",\"kind\":\"app\",\"servers\":[\"s1\"],"
                + "\"may_send_commands\":true}");
    PlatformFixture.Issued foreign =
        fixture.user("snd-other", "{\"name\":\"bot\",\"kind\":\"app\",\"may_send_commands\":true}");
    PlatformFixture.Issued host =
        fixture.user("snd", "{\"name\":\"h1\",\"kind\":\"game_server\",\"server\":\"s1\"}");
    assertThat(fixture.operator.get(USERS + "/bot").json().path("may_send_commands").asBoolean())
        .isTrue();
    assertThat(fixture.operator.get(USERS + "/reader").json().path("may_send_commands").asBoolean())
        .isFalse();
    // The user view says what the user may do, as /whoami does: an owner sends, a server never.
    PlatformFixture.Issued owner = fixture.user("snd", "{\"name\":\"boss\",\"kind\":\"owner\"}");
    assertThat(fixture.operator.get(USERS + "/boss").json().path("may_send_commands").asBoolean())
        .isTrue();
    assertThat(owner.api().get("/api/v1/whoami").json().path("may_send_commands").asBoolean())
        .isTrue();
    assertThat(fixture.operator.get(USERS + "/h1").json().path("may_send_commands").asBoolean())
        .isFalse();
    assertThat(host.api().get("/api/v1/whoami").json().path("may_send_commands").asBoolean())
        .isFalse();

    List<String> ran = new CopyOnWriteArrayList<>();
    try (GameServerClient client =
            GameServerClient.builder()
                .url(fixture.brokerUrl())
                .credentials(host.creds())
                .journalDir(journals.resolve("s1"))
                .build();
        CommandReceiver receiver =
            CommandReceiver.builder(client)
                .on(
                    "broadcast",
                    cmd -> {
                      ran.add(cmd.args().path("text").asText());
                      return null;
                    })
                .start()) {
      Api.Response sent =
          bot.api()
              .post(
                  commands("snd", "s1"),
                  "{\"name\":\"broadcast\"," + "\"args\":{\"text\":\"from bot\"}}");
      assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
      String id = sent.json().path("id").asText();
      Api.Response scoped =
          s1Bot
              .api()
              .post(
                  commands("snd", "s1"),
                  "{\"name\":\"broadcast\"," + "\"args\":{\"text\":\"from s1-bot\"}}");
      assertThat(scoped.status()).as(scoped.raw().body()).isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  "succeeded"
                      .equals(
                          bot.api()
                              .get(commands("snd", "s1") + "/" + id)
                              .json()
                              .path("status")
                              .asText()));
      await().atMost(Duration.ofSeconds(15)).until(() -> ran.size() == 2);
      assertThat(ran).containsExactly("from bot", "from s1-bot");
    }

    Api.Response refused = reader.api().post(commands("snd", "s1"), "{\"name\":\"kick\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("detail").asText()).contains("may_send_commands");
    // Out of its servers scope: 403, since the app may list the account's servers anyway.
    Api.Response outOfScope = s1Bot.api().post(commands("snd", "s2"), "{\"name\":\"kick\"}");
    assertThat(outOfScope.status()).isEqualTo(403);
    assertThat(outOfScope.json().path("detail").asText()).contains("s1-bot").contains("s1");
    Api.Response crossTenant = foreign.api().post(commands("snd", "s1"), "{\"name\":\"kick\"}");
    assertThat(crossTenant.status()).isEqualTo(404);
    // Nothing was queued by the refused ones: the history holds the two sends.
    assertThat(bot.api().get(commands("snd", "s1")).json().path("items")).hasSize(2);
    assertThat(bot.api().get(commands("snd", "s2")).json().path("items")).isEmpty();
  }

  @Test
  void theRightIsForAppsOnly() {
    fixture.account("snd-kinds", "standard");
    fixture.server("snd-kinds", "s1");
    String path = "/api/v1/accounts/snd-kinds/users";
    for (String body :
        List.of(
            "{\"name\":\"o\",\"kind\":\"owner\",\"may_send_commands\":true}",
            "{\"name\":\"h\",\"kind\":\"game_server\",\"server\":\"s1\","
                + "\"may_send_commands\":false}")) {
      Api.Response response =
          fixture.operator.sendUnchecked("POST", path, body, "application/json");
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.json().path("detail").asText()).contains("may_send_commands");
    }
    assertThat(fixture.operator.get(path).json().path("items")).isEmpty();
  }

  private static String commands(String account, String server) {
    return "/api/v1/accounts/" + account + "/servers/" + server + "/commands";
  }
}
