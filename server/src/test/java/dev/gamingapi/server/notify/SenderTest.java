package dev.gamingapi.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gamingapi.testkit.http.RecordingEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one request does, against the recording endpoint. */
class SenderTest {
  private static Rule webhook(String url) {
    Instant now = Instant.now();
    return new Rule(
        "ntf_x",
        "acme",
        "r",
        Rule.WEBHOOK,
        url,
        "whsec_test",
        List.of(),
        List.of(),
        null,
        30,
        null,
        null,
        null,
        0,
        now,
        now);
  }

  private static final NotifyEvent EVENT =
      new NotifyEvent(
          1,
          "e1",
          "server.started",
          "eu-1",
          null,
          Instant.now(),
          JsonNodeFactory.instance.objectNode());

  @Test
  void theAddressIsCheckedAgainAtEveryRequest() {
    // A rule saved while private addresses were allowed (or whose name now points inside) is not
    // called when they are not.
    try (RecordingEndpoint endpoint = RecordingEndpoint.start()) {
      Sender strict = new Sender(new UrlGuard(false), Duration.ofSeconds(2), Clock.systemUTC());
      Sender.Result result =
          strict.send(webhook(endpoint.url("/hook").replace("http:", "https:")), EVENT);
      assertThat(result.status()).isZero();
      assertThat(result.excerpt()).contains("loopback, private or link-local");
      assertThat(endpoint.requests()).isEmpty();
    }
  }

  @Test
  void aHangingEndpointTimesOutAndA429SaysHowLongToWait() {
    try (RecordingEndpoint endpoint = RecordingEndpoint.start()) {
      Sender sender = new Sender(new UrlGuard(true), Duration.ofMillis(500), Clock.systemUTC());
      endpoint.answerNext(
          RecordingEndpoint.Answer.hang(), RecordingEndpoint.Answer.rateLimited(2.5));
      Sender.Result hung = sender.send(webhook(endpoint.url("/hook")), EVENT);
      assertThat(hung.status()).isZero();
      assertThat(hung.excerpt()).startsWith("no answer within");
      Sender.Result limited = sender.send(webhook(endpoint.url("/hook")), EVENT);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.retryAfter()).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
      assertThat(limited.permanent()).isFalse();
    }
  }
}
