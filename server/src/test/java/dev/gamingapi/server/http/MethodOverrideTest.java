package dev.gamingapi.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import org.junit.jupiter.api.Test;

/**
 * A request is what its request line says: {@code X-HTTP-Method-Override} (and its cousins) do not
 * turn a GET into a DELETE, so a proxy or firewall that lets only reads through cannot be walked
 * past, and a link in a page cannot revoke anything.
 */
class MethodOverrideTest extends PlatformPerClass {
  @Test
  void aGetWithAnOverrideHeaderReadsTheUserAndDoesNotRevokeIt() throws Exception {
    fixture.account("override", "standard");
    PlatformFixture.Issued owner =
        fixture.user("override", "{\"name\":\"owner\",\"kind\":\"owner\"}");
    fixture.user("override", "{\"name\":\"victim\",\"kind\":\"owner\"}");
    RawHttp raw = new RawHttp(fixture.httpUrl());

    for (String header :
        new String[] {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"}) {
      RawHttp.Response answer =
          raw.send(
              "GET",
              "/api/v1/accounts/override/users/victim",
              null,
              "Authorization: Bearer " + owner.token(),
              header + ": DELETE");

      assertThat(answer.status()).as(header).isEqualTo(200);
      assertThat(answer.json().path("name").asText()).isEqualTo("victim");
    }
    Api.Response victim = owner.api().get("/api/v1/accounts/override/users/victim");
    assertThat(victim.status()).isEqualTo(200);
    assertThat(victim.json().path("revoked_at").isNull()).isTrue();
  }

  @Test
  void aPostWithAnOverrideHeaderIsStillAPost() throws Exception {
    fixture.account("override-post", "standard");
    RawHttp raw = new RawHttp(fixture.httpUrl());
    String token =
        java.nio.file.Files.readString(fixture.platform.connectionInfo().operatorToken()).strip();

    RawHttp.Response answer =
        raw.send(
            "POST",
            "/api/v1/accounts/override-post/servers",
            "{\"id\":\"eu-1\"}",
            "Authorization: Bearer " + token,
            "Content-Type: application/json",
            "X-HTTP-Method-Override: DELETE");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(fixture.operator.get("/api/v1/accounts/override-post").status()).isEqualTo(200);
  }
}
