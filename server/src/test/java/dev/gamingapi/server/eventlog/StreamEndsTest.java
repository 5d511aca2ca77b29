package dev.gamingapi.server.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A live event stream (SSE) ends within a second of its reader losing the right to read: the token
 * revoked, rotated or expired, the account deleted, or the share it reads deleted. It used to run
 * on until the next heartbeat, about ten seconds, while REST already answered 401. The bound
 * checked here (two seconds, to spare a loaded machine) is the contract, far below the old
 * heartbeat.
 */
class StreamEndsTest extends PlatformPerClass {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration WITHIN = Duration.ofSeconds(2);

  @Override
  protected void setUpPlatform() {
    fixture.account("se", "standard");
  }

  @Test
  void aRevokedTokensStreamEnds() throws Exception {
    PlatformFixture.Issued carol = owner("se", "carol");
    try (Stream stream = open(carol.token(), "se")) {
      fixture.operator.delete("/api/v1/accounts/se/users/carol");
      stream.awaitEnd();
    }
  }

  @Test
  void aRotatedTokensStreamEnds() throws Exception {
    PlatformFixture.Issued dave = owner("se", "dave");
    try (Stream stream = open(dave.token(), "se")) {
      assertThat(fixture.operator.post("/api/v1/accounts/se/users/dave/rotate", "").status())
          .isEqualTo(200);
      stream.awaitEnd();
    }
  }

  @Test
  void anExpiredTokensStreamEnds() throws Exception {
    String expires = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString();
    PlatformFixture.Issued brief =
        fixture.user(
            "se", "{\"name\":\"brief\",\"kind\":\"owner\",\"expires_at\":\"" + expires + "\"}");
    try (Stream stream = open(brief.token(), "se")) {
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> Instant.now().isAfter(Instant.parse(expires)));
      stream.awaitEnd();
    }
  }

  @Test
  void aDeletedAccountsStreamsEndTheOperatorsToo() throws Exception {
    fixture.account("gone", "free");
    PlatformFixture.Issued erin = owner("gone", "erin");
    try (Stream owners = open(erin.token(), "gone");
        Stream operators = open(operatorToken(), "gone")) {
      assertThat(fixture.operator.delete("/api/v1/accounts/gone?confirm=gone").status())
          .isEqualTo(204);
      owners.awaitEnd();
      operators.awaitEnd();
    }
  }

  @Test
  void aDeletedSharesStreamEnds() throws Exception {
    fixture.account("sharer", "free");
    fixture.server("sharer", "s1");
    PlatformFixture.Issued hank = owner("se", "hank");
    String share =
        fixture
            .operator
            .post("/api/v1/accounts/sharer/shares", "{\"grantee\":\"se\",\"servers\":[\"s1\"]}")
            .json()
            .path("id")
            .asText();
    try (Stream stream =
        Stream.open(
            fixture.httpUrl(), hank.token(), "/api/v1/accounts/se/shared/sharer/events/stream")) {
      assertThat(fixture.operator.delete("/api/v1/accounts/sharer/shares/" + share).status())
          .isEqualTo(204);
      stream.awaitEnd();
    }
  }

  @Test
  void aStreamWhoseRightHoldsGoesOn() throws Exception {
    PlatformFixture.Issued frank = owner("se", "frank");
    owner("se", "grace");
    try (Stream stream = open(frank.token(), "se")) {
      fixture.operator.delete("/api/v1/accounts/se/users/grace");
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(2))
          .until(() -> !stream.ended());
    }
  }

  private Stream open(String token, String account) throws Exception {
    return Stream.open(fixture.httpUrl(), token, "/api/v1/accounts/" + account + "/events/stream");
  }

  private String operatorToken() throws Exception {
    return Files.readString(fixture.platform.connectionInfo().operatorToken()).strip();
  }

  private PlatformFixture.Issued owner(String account, String name) throws Exception {
    return fixture.user(account, "{\"name\":\"" + name + "\",\"kind\":\"owner\"}");
  }

  /** An open stream, read to its end by a thread of its own. */
  private record Stream(InputStream body, CountDownLatch end, AtomicReference<Instant> endedAt)
      implements AutoCloseable {
    static Stream open(String baseUrl, String token, String path) throws Exception {
      HttpResponse<InputStream> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl + path))
                  .header("Accept", "text/event-stream")
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      Stream stream = new Stream(response.body(), new CountDownLatch(1), new AtomicReference<>());
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
      // The first line (the stream's opening comment) says the stream is being followed.
      assertThat(reader.readLine()).startsWith(":");
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  while (reader.readLine() != null) {
                    // heartbeats until the end
                  }
                } catch (Exception e) {
                  // an abrupt end is an end too
                }
                stream.endedAt().set(Instant.now());
                stream.end().countDown();
              });
      return stream;
    }

    boolean ended() {
      return end.getCount() == 0;
    }

    void awaitEnd() {
      Instant from = Instant.now();
      await().atMost(WITHIN).until(this::ended);
      assertThat(Duration.between(from, endedAt.get())).isLessThan(WITHIN);
    }

    @Override
    public void close() throws Exception {
      body.close();
    }
  }
}
