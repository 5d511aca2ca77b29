package dev.gamingapi.server.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gamingapi.contract.event.CustomEvent;
import dev.gamingapi.server.testing.EventLog;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The platform's connections keep small buffers (16 KiB, for thousands of tenants): an event six
 * times that size still goes out whole through one and comes back whole through another.
 */
class LargeMessagesTest extends PlatformPerClass {
  @Test
  void anEventLargerThanTheBuffersIsPublishedAndReadWhole() throws Exception {
    fixture.account("big", "standard");
    fixture.server("big", "s1");
    String blob = "x".repeat(100_000);
    try (EventLog log = new EventLog(fixture.platform, "big")) {
      log.publish(
          EventLog.event(
              "s1",
              Instant.now(),
              new CustomEvent(
                  "upload", null, JsonNodeFactory.instance.objectNode().put("blob", blob))));
    }
    JsonNode page = fixture.operator.get("/api/v1/accounts/big/events").json();
    assertThat(page.path("items")).hasSize(1);
    assertThat(page.path("items").get(0).path("data").path("blob").asText()).isEqualTo(blob);
  }
}
