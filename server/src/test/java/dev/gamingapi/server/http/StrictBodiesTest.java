package dev.gamingapi.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are read as the OpenAPI document types them: a number or a boolean is not a
 * string, nothing may follow the JSON value, and no route takes more than 64 KiB, whether it reads
 * its body or not.
 */
class StrictBodiesTest extends PlatformPerClass {
  private static final int TEN_MIB = 10 * 1024 * 1024;

  @Override
  protected void setUpPlatform() {
    fixture.account("strict", "standard");
    fixture.server("strict", "eu-1");
  }

  private Api.Response post(String path, String body) {
    return fixture.operator.sendUnchecked("POST", path, body, "application/json");
  }

  private static void assertInvalid(Api.Response answer, String field, String message) {
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.json().path("errors").path(0).path("field").asText()).isEqualTo(field);
    assertThat(answer.json().path("errors").path(0).path("message").asText()).isEqualTo(message);
  }

  @Test
  void aNumberOrABooleanIsNotAName() {
    assertInvalid(
        post("/api/v1/accounts", "{\"name\":123,\"plan\":\"standard\"}"),
        "name",
        "must be a string");
    assertInvalid(
        post("/api/v1/accounts", "{\"name\":true,\"plan\":\"standard\"}"),
        "name",
        "must be a string");

    assertThat(fixture.operator.get("/api/v1/accounts/123").status()).isEqualTo(404);
    assertThat(fixture.operator.get("/api/v1/accounts/true").status()).isEqualTo(404);
  }

  @Test
  void flagsNumbersTimesAndListsMustHaveTheirOwnTypes() {
    String users = "/api/v1/accounts/strict/users";
    assertInvalid(
        post(users, "{\"name\":\"a1\",\"kind\":\"app\",\"may_send_commands\":\"true\"}"),
        "may_send_commands",
        "must be true or false");
    assertInvalid(
        post(users, "{\"name\":\"a2\",\"kind\":\"app\",\"may_send_commands\":1}"),
        "may_send_commands",
        "must be true or false");
    assertInvalid(
        post(users, "{\"name\":\"o1\",\"kind\":\"owner\",\"expires_at\":1900000000}"),
        "expires_at",
        "must be an RFC 3339 time like 2027-01-01T00:00:00Z");
    assertInvalid(
        post(users, "{\"name\":\"a3\",\"kind\":\"app\",\"servers\":[1]}"),
        "servers.[0]",
        "must be a string");
    String commands = "/api/v1/accounts/strict/servers/eu-1/commands";
    assertInvalid(
        post(commands, "{\"name\":\"kick\",\"ttl_seconds\":\"30\"}"),
        "ttl_seconds",
        "must be a whole number");
    assertInvalid(
        post(commands, "{\"name\":\"kick\",\"ttl_seconds\":1.5}"),
        "ttl_seconds",
        "must be a whole number");

    for (String name : new String[] {"a1", "a2", "o1", "a3"}) {
      assertThat(fixture.operator.get(users + "/" + name).status()).as(name).isEqualTo(404);
    }
  }

  @Test
  void nothingMayFollowTheBody() {
    assertInvalid(
        post("/api/v1/accounts", "{\"name\":\"trail\",\"plan\":\"standard\"} and more"),
        "body",
        "must be one JSON object, with nothing after it");
    assertInvalid(
        post("/api/v1/accounts", "{\"name\":\"trail\",\"plan\":\"standard\"}{\"name\":\"x\"}"),
        "body",
        "must be one JSON object, with nothing after it");

    assertThat(fixture.operator.get("/api/v1/accounts/trail").status()).isEqualTo(404);
  }

  @Test
  void aRouteThatTakesNoBodyRefusesFieldsAndTakesNothingOrAnEmptyObject() {
    String rebuild = "/api/v1/accounts/strict/read-models/rebuild";
    assertInvalid(
        post(rebuild, "{\"everything\":true}"), "everything", "is not a field of this request");
    assertInvalid(post(rebuild, "{} {}"), "body", "must be one JSON object, with nothing after it");

    assertThat(fixture.operator.post(rebuild, "{}").status()).isEqualTo(202);
    assertThat(fixture.operator.sendUnchecked("POST", rebuild, null, null).status()).isEqualTo(202);
  }

  @Test
  void aDeleteWithFieldsInItsBodyIsRefused() throws Exception {
    fixture.user("strict", "{\"name\":\"kept\",\"kind\":\"owner\"}");

    assertInvalid(
        fixture.operator.sendUnchecked(
            "DELETE",
            "/api/v1/accounts/strict/users/kept",
            "{\"confirm\":\"kept\"}",
            "application/json"),
        "confirm",
        "is not a field of this request");

    assertThat(
            fixture
                .operator
                .get("/api/v1/accounts/strict/users/kept")
                .json()
                .path("revoked_at")
                .isNull())
        .isTrue();
  }

  @Test
  void aChunkedBodyWithFieldsIsReadAndRefusedByARouteThatTakesNone() throws Exception {
    // A GET or DELETE declaring neither a length nor a transfer coding is taken to have no body
    // without reading it; a chunked one must still be read and its fields refused.
    fixture.user("strict", "{\"name\":\"chunked\",\"kind\":\"owner\"}");
    String token = Files.readString(fixture.platform.connectionInfo().operatorToken()).strip();
    String body = "{\"confirm\":\"chunked\"}";
    RawHttp.Response answer =
        new RawHttp(fixture.httpUrl())
            .send(
                "DELETE",
                "/api/v1/accounts/strict/users/chunked",
                null,
                "Authorization: Bearer " + token,
                "Content-Type: application/json",
                // The chunks ride after the headers: RawHttp ends the request with a blank line,
                // which closes the last, empty chunk.
                "Transfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(body.length())
                    + "\r\n"
                    + body
                    + "\r\n0");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().path("errors").toString()).contains("confirm");
    assertThat(
            fixture
                .operator
                .get("/api/v1/accounts/strict/users/chunked")
                .json()
                .path("revoked_at")
                .isNull())
        .isTrue();
  }

  @Test
  void tenMebibytesAreRefusedByARouteThatNeverReadsItsBody() throws Exception {
    // Over a raw socket, declaring 10 MiB and sending none of it: the answer must come from the
    // declaration alone. (An HTTP client sending the whole body may see the connection reset
    // before it reads the 413, as the platform does not read that much of what it refuses.)
    String token = Files.readString(fixture.platform.connectionInfo().operatorToken()).strip();
    URI base = URI.create(fixture.httpUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /api/v1/accounts/strict/read-models/rebuild HTTP/1.1\r\n"
                      + "Host: "
                      + base.getAuthority()
                      + "\r\nAuthorization: Bearer "
                      + token
                      + "\r\nContent-Type: application/json\r\nContent-Length: "
                      + TEN_MIB
                      + "\r\n\r\n{\"pad\":\"")
                  .getBytes(StandardCharsets.US_ASCII));
      BufferedReader answer =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertThat(answer.readLine()).startsWith("HTTP/1.1 413");
      List<String> headers = new ArrayList<>();
      for (String line = answer.readLine(); !line.isEmpty(); line = answer.readLine()) {
        headers.add(line.toLowerCase(Locale.ROOT));
      }
      assertThat(headers).contains("content-type: application/problem+json");
      assertThat(answer.readLine()).contains("\"detail\":\"the body must be at most 65536 bytes\"");
    }
  }

  @Test
  void aChunkedBodyWithoutALengthIsCutOffAtTheLimit() throws Exception {
    String token = Files.readString(fixture.platform.connectionInfo().operatorToken()).strip();
    // Eight times the limit, below the most the server drains (1 MiB): answered before the client
    // has sent it all, the connection's close would be a reset, and the JDK client, still sending,
    // then reads no answer (a CI run on a slow machine saw "header parser received no bytes").
    byte[] big = new byte[512 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(fixture.httpUrl() + "/api/v1/accounts/strict/read-models/rebuild"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build();

    HttpResponse<String> answer =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}
