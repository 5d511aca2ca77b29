package dev.gamingapi.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.ServerHeartbeat;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.NotifyEvents;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import dev.gamingapi.testkit.http.RecordingEndpoint;
import dev.gamingapi.testkit.http.RecordingEndpoint.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Delivery from the event log to a local endpoint that misbehaves on request: 500s and hangs, 429
 * with retry_after; Discord embeds within limits; unresponsive servers. Each test has a tenant of
 * its own.
 */
@OnEachDatabase
class NotificationDeliveryTest extends PlatformPerClass {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static int tenants;

  private RecordingEndpoint endpoint;
  private String account;
  private PlatformFixture.Issued owner;
  private PlatformFixture.Client client;

  @BeforeEach
  void tenant() throws Exception {
    endpoint = RecordingEndpoint.start();
    account = "t" + (++tenants);
    fixture.account(account, "standard");
    owner = fixture.user(account, "{\"name\":\"o\",\"kind\":\"owner\"}");
    client = fixture.connect(owner, null);
  }

  @AfterEach
  void close() throws Exception {
    if (client != null) {
      client.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private String rules() {
    return "/api/v1/accounts/" + account + "/notifications";
  }

  private String rule(String body) {
    Api.Response created = owner.api().post(rules(), body);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.json().path("notification").path("id").asText();
  }

  private String chat(int i, String message) throws Exception {
    return NotifyEvents.publish(
        client.connection(), "eu-1", new PlayerChatted("p" + i, "Ada", message, null));
  }

  private static List<String> eventIds(List<RecordingEndpoint.Request> requests) {
    return requests.stream().map(r -> r.header("GamingAPI-Event-Id")).toList();
  }

  @Test
  void anEndpointDownForAStretchOfEventsGetsEveryOneExactlyOnceInOrderWhenBack() throws Exception {
    String id =
        rule(
            "{\"kind\":\"webhook\",\"url\":\""
                + endpoint.url("/hook")
                + "\",\"event_types\":[\"player.chatted\"]}");
    endpoint.answerAll(Answer.status(500));
    endpoint.answerNext(Answer.status(500), Answer.hang(), Answer.status(503), Answer.hang());
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      published.add(chat(i, "message " + i));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.requests().size() >= 6);
    assertThat(endpoint.accepted()).isEmpty();
    assertThat(owner.api().get(rules() + "/" + id).json().path("status").asText())
        .isEqualTo("failing");
    endpoint.answerAll(Answer.ok());

    await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.accepted().size() >= 10);
    // Exactly these, and still so while a duplicate would have had time to show up.
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(eventIds(endpoint.accepted())).containsExactlyElementsOf(published));
    JsonNode rule = owner.api().get(rules() + "/" + id).json();
    assertThat(rule.path("status").asText()).isEqualTo("active");
    assertThat(rule.path("failing_since").isNull()).isTrue();

    JsonNode log = owner.api().get(rules() + "/" + id + "/deliveries?limit=200").json();
    List<String> outcomes = new ArrayList<>();
    log.path("items").forEach(entry -> outcomes.add(entry.path("outcome").asText()));
    assertThat(outcomes).filteredOn("delivered"::equals).hasSize(10);
    assertThat(outcomes).contains("failed");
    JsonNode newestFailure = null;
    for (JsonNode entry : log.path("items")) {
      if (entry.path("outcome").asText().equals("failed")) {
        newestFailure = entry;
        break;
      }
    }
    assertThat(newestFailure.path("event_id").asText()).isEqualTo(published.get(0));
    assertThat(newestFailure.path("attempt").asInt()).isGreaterThan(1);
    assertThat(log.toString()).contains("\"http_status\":500").contains("\"http_status\":null");
  }

  @Test
  void a429RetryAfterIsWaitedOutBeforeTheNextAttempt() throws Exception {
    rule("{\"kind\":\"webhook\",\"url\":\"" + endpoint.url("/hook") + "\"}");
    endpoint.answerNext(Answer.rateLimited(1.5));
    String event = chat(1, "hello");
    await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.accepted().size() == 1);
    List<RecordingEndpoint.Request> requests = endpoint.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).answer()).isEqualTo(429);
    assertThat(eventIds(requests)).containsExactly(event, event);
    assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void aDiscordEmbedOfAVeryLongChatMessageStaysWithinDiscordsLimits() throws Exception {
    rule(
        "{\"kind\":\"discord\",\"url\":\""
            + endpoint.url("/api/webhooks/1/tok")
            + "\",\"event_types\":[\"player.chatted\"]}");
    chat(1, "x".repeat(20_000));
    await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.accepted().size() == 1);
    JsonNode body = JSON.readTree(endpoint.accepted().get(0).body());
    JsonNode embed = body.path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("Ada on eu-1");
    assertThat(embed.path("description").asText()).hasSize(4096).endsWith("…");
    assertThat(embed.path("fields").size()).isLessThanOrEqualTo(25);
    for (JsonNode field : embed.path("fields")) {
      assertThat(field.path("value").asText().length()).isLessThanOrEqualTo(1024);
    }
    assertThat(DiscordEmbed.total(body)).isLessThanOrEqualTo(6000);
    assertThat(endpoint.accepted().get(0).header("GamingAPI-Signature")).isNull();
  }

  @Test
  void aServerThatStopsSendingHeartbeatsIsReportedUnresponsiveOnce() throws Exception {
    rule(
        "{\"kind\":\"webhook\",\"url\":\""
            + endpoint.url("/hook")
            + "\",\"event_types\":[\"server.unresponsive\"],\"servers\":[\"eu-9\"]}");
    NotifyEvents.publish(client.connection(), "eu-9", new ServerHeartbeat(3, 10, "dust", 30.0));
    await().atMost(Duration.ofSeconds(15)).until(() -> endpoint.accepted().size() == 1);
    // Still one through the timeout (2 s) again: each silent server is reported once.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(6))
        .untilAsserted(() -> assertThat(endpoint.accepted()).hasSize(1));
    JsonNode body = JSON.readTree(endpoint.accepted().get(0).body());
    assertThat(body.path("type").asText()).isEqualTo("server.unresponsive");
    assertThat(body.path("server").asText()).isEqualTo("eu-9");
    assertThat(body.path("data").path("silent_seconds").asLong()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anEventTheEndpointRefusesWithA4xxIsGivenUpAndTheNextOneStillGoes() throws Exception {
    String id = rule("{\"kind\":\"webhook\",\"url\":\"" + endpoint.url("/hook") + "\"}");
    endpoint.answerNext(Answer.status(400));
    String refused = chat(1, "first");
    String next = chat(2, "second");
    await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.accepted().size() == 1);
    assertThat(eventIds(endpoint.requests())).containsExactly(refused, next);
    JsonNode log = owner.api().get(rules() + "/" + id + "/deliveries").json().path("items");
    assertThat(log.get(1).path("outcome").asText()).isEqualTo("given_up");
    assertThat(log.get(1).path("http_status").asInt()).isEqualTo(400);
    assertThat(log.get(0).path("outcome").asText()).isEqualTo("delivered");
  }

  @Test
  void neitherADiscordTokenNorAWebhookSecretReachesThePlatformsLog() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    String token = "tok-SECRET-1234567890";
    String secret;
    try {
      String discord =
          rule(
              "{\"kind\":\"discord\",\"url\":\""
                  + endpoint.url("/api/webhooks/9/" + token)
                  + "\"}");
      Api.Response webhook =
          owner
              .api()
              .post(rules(), "{\"kind\":\"webhook\",\"url\":\"" + endpoint.url("/h") + "\"}");
      secret = webhook.json().path("secret").asText();
      endpoint.answerAll(Answer.status(500));
      chat(1, "hello");
      await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.requests().size() >= 6);
      endpoint.answerAll(Answer.ok());
      await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.accepted().size() >= 2);
      owner.api().post(rules() + "/" + discord + "/test", null);
      owner.api().delete(rules() + "/" + discord);
    } finally {
      root.detachAppender(log);
    }
    for (ILoggingEvent event : log.list) {
      String text =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
      assertThat(text).doesNotContain(token).doesNotContain(secret);
    }
  }

  @Test
  void theTestActionSendsOnceAndLogsWhatTheEndpointAnswered() {
    String id = rule("{\"kind\":\"webhook\",\"url\":\"" + endpoint.url("/hook") + "\"}");
    Api.Response ok = owner.api().post(rules() + "/" + id + "/test", null);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("outcome").asText()).isEqualTo("delivered");
    assertThat(ok.json().path("http_status").asInt()).isEqualTo(204);
    endpoint.answerNext(Answer.status(404));
    Api.Response refused = owner.api().post(rules() + "/" + id + "/test", null);
    assertThat(refused.json().path("outcome").asText()).isEqualTo("failed");
    assertThat(refused.json().path("http_status").asInt()).isEqualTo(404);
    assertThat(refused.json().path("excerpt").asText()).contains("status 404");
    assertThat(endpoint.requests()).hasSize(2);
    assertThat(endpoint.requests().get(0).header("GamingAPI-Event-Type"))
        .isEqualTo("notification.test");
    JsonNode log = owner.api().get(rules() + "/" + id + "/deliveries").json();
    assertThat(log.path("items")).hasSize(2);
    assertThat(log.path("items").get(0).path("http_status").asInt()).isEqualTo(404);
  }
}
