package dev.gamingapi.server.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import org.junit.jupiter.api.Test;

/** Command names beyond the built-in ones are taken only when registered, with their schema. */
@OnEachDatabase
class CommandTypesTest extends PlatformPerClass {
  private static final String SCHEMA =
      "{\"args_schema\":{\"type\":\"object\",\"required\":[\"player_id\",\"item\"],"
          + "\"properties\":{\"player_id\":{\"type\":\"string\"},\"item\":{\"type\":\"string\"}}}}";

  @Test
  void anUnknownNameIsRefusedUntilRegisteredAndItsArgumentsMustMatch() throws Exception {
    fixture.account("types", "standard");
    fixture.account("types-b", "standard");
    fixture.server("types", "s1");
    fixture.server("types", "s2");
    PlatformFixture.Issued owner = fixture.user("types", "{\"name\":\"o\",\"kind\":\"owner\"}");
    PlatformFixture.Issued app = fixture.user("types", "{\"name\":\"bot\",\"kind\":\"app\"}");
    PlatformFixture.Issued other = fixture.user("types-b", "{\"name\":\"o\",\"kind\":\"owner\"}");
    Api api = owner.api();
    String s1 = "/api/v1/accounts/types/servers/s1";
    String give = "{\"name\":\"give_item\",\"args\":{\"player_id\":\"7\",\"item\":\"sword\"}}";

    Api.Response unknown = api.post(s1 + "/commands", give);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("detail").asText())
        .contains("'give_item' is not a built-in command", "not registered for server 's1'");

    assertThat(
            app.api()
                .send("PUT", s1 + "/command-types/give_item", SCHEMA, "application/json")
                .status())
        .isEqualTo(403);
    assertThat(
            other
                .api()
                .send("PUT", s1 + "/command-types/give_item", SCHEMA, "application/json")
                .status())
        .isEqualTo(404);
    assertThat(put(api, s1 + "/command-types/give_item", "{\"args_schema\":{\"type\":\"string\"}}"))
        .isEqualTo(400);
    assertThat(
            put(
                api,
                s1 + "/command-types/give_item",
                "{\"args_schema\":{\"type\":\"object\",\"$ref\":\"http://127.0.0.1:9/x.json\"}}"))
        .isEqualTo(400);
    assertThat(put(api, s1 + "/command-types/Give", SCHEMA)).isEqualTo(400);

    Api.Response registered =
        api.send("PUT", s1 + "/command-types/give_item", SCHEMA, "application/json");
    assertThat(registered.status()).isEqualTo(200);
    assertThat(registered.json().path("args_schema").path("required").size()).isEqualTo(2);
    assertThat(app.api().get(s1 + "/command-types").json().path("items")).hasSize(1);
    assertThat(other.api().get(s1 + "/command-types").status()).isEqualTo(404);

    Api.Response missing =
        api.post(s1 + "/commands", "{\"name\":\"give_item\",\"args\":{\"player_id\":\"7\"}}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("errors").get(0).path("field").asText()).isEqualTo("args");
    assertThat(missing.json().path("detail").asText())
        .isEqualTo(
            "args do not match the schema of 'give_item': required property 'item' not found");
    assertThat(api.post(s1 + "/commands", give).status()).isEqualTo(202);
    // Registered for s1 only.
    assertThat(api.post("/api/v1/accounts/types/servers/s2/commands", give).status())
        .isEqualTo(400);

    // A built-in name takes any object until a schema is registered for it.
    assertThat(api.post(s1 + "/commands", "{\"name\":\"kick\"}").status()).isEqualTo(202);
    assertThat(
            put(
                api,
                s1 + "/command-types/kick",
                "{\"args_schema\":{\"type\":\"object\",\"required\":[\"player_id\"]}}"))
        .isEqualTo(200);
    assertThat(api.post(s1 + "/commands", "{\"name\":\"kick\"}").status()).isEqualTo(400);
    assertThat(
            api.post(s1 + "/commands", "{\"name\":\"kick\",\"args\":{\"player_id\":\"7\"}}")
                .status())
        .isEqualTo(202);

    assertThat(api.delete(s1 + "/command-types/give_item").status()).isEqualTo(204);
    assertThat(api.post(s1 + "/commands", give).status()).isEqualTo(400);
    assertThat(api.delete(s1 + "/command-types/give_item").status()).isEqualTo(404);
  }

  private static int put(Api api, String path, String body) {
    return api.send("PUT", path, body, "application/json").status();
  }
}
