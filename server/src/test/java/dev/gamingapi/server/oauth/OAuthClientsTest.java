package dev.gamingapi.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import org.junit.jupiter.api.Test;

/** The operator registers, lists, reads and deletes OAuth clients; nobody else may. */
class OAuthClientsTest extends PlatformPerClass {
  private static final String CLIENTS = "/api/v1/oauth/clients";

  static String clientJson(String type, String redirectUri, String scopes) {
    return """
        {"name":"Stats Site","homepage":"https://stats.example","redirect_uris":["%s"],\
        "scopes":%s,"type":"%s"}"""
        .formatted(redirectUri, scopes, type);
  }

  @Test
  void aConfidentialClientGetsItsSecretOnceAndIsListedWithoutIt() {
    Api.Response created =
        fixture.operator.post(
            CLIENTS, clientJson("confidential", "https://stats.example/cb", "[\"events:read\"]"));

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("client").path("client_id").asText();
    assertThat(created.header("Location")).isEqualTo(CLIENTS + "/" + id);
    assertThat(created.json().path("client_secret").asText()).startsWith("gapics_");
    JsonNode fetched = fixture.operator.get(CLIENTS + "/" + id).json();
    assertThat(fetched.path("type").asText()).isEqualTo("confidential");
    assertThat(fetched.has("client_secret")).isFalse();
    assertThat(fixture.operator.get(CLIENTS + "?limit=200").json().path("items").toString())
        .contains(id)
        .doesNotContain("gapics_");
  }

  @Test
  void aPublicClientHasNoSecretAndDefaultsToReading() {
    Api.Response created =
        fixture.operator.post(CLIENTS, clientJson("public", "http://127.0.0.1:9/cb", "[]"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("client_secret").isNull()).isTrue();
    assertThat(created.json().path("client").path("scopes").toString())
        .isEqualTo("[\"events:read\"]");
  }

  @Test
  void deletingAClientMakesItUnknown() {
    String id =
        fixture
            .operator
            .post(CLIENTS, clientJson("public", "https://a.example/cb", "[\"events:read\"]"))
            .json()
            .path("client")
            .path("client_id")
            .asText();

    assertThat(fixture.operator.delete(CLIENTS + "/" + id).status()).isEqualTo(204);
    assertThat(fixture.operator.get(CLIENTS + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void redirectUrisMustBeHttpsOrLoopbackWithoutFragment() {
    for (String uri :
        new String[] {"http://stats.example/cb", "https://stats.example/cb#x", "/relative"}) {
      Api.Response refused =
          fixture.operator.post(CLIENTS, clientJson("public", uri, "[\"events:read\"]"));
      assertThat(refused.status()).as(uri).isEqualTo(400);
      assertThat(refused.json().path("errors").get(0).path("field").asText())
          .isEqualTo("redirect_uris");
    }
  }

  @Test
  void onlyKnownCapabilitiesMayBeAllowed() {
    Api.Response refused =
        fixture.operator.post(
            CLIENTS, clientJson("public", "https://stats.example/cb", "[\"admin\"]"));

    assertThat(refused.status()).isEqualTo(400);
  }

  @Test
  void anOwnerMayNotRegisterOrListClients() throws Exception {
    fixture.account("clients-owner", "standard");
    PlatformFixture.Issued owner =
        fixture.user("clients-owner", "{\"name\":\"o\",\"kind\":\"owner\"}");

    assertThat(
            owner
                .api()
                .post(CLIENTS, clientJson("public", "https://a.example/cb", "[\"events:read\"]"))
                .status())
        .isEqualTo(403);
    assertThat(owner.api().get(CLIENTS).status()).isEqualTo(403);
  }
}
