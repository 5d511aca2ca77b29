package dev.gamingapi.contract.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.event.Event;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example of the document fits its message's schemas and reads back through the codec. */
class AsyncApiExamplesTest {
  private static final JsonNode DOCUMENT = AsyncApiFixture.document();

  static Stream<String> messageKeys() {
    return AsyncApiFixture.messages(DOCUMENT).stream().map(Map.Entry::getKey);
  }

  @ParameterizedTest(name = "{0} has examples whose payload and headers fit its schemas")
  @MethodSource("messageKeys")
  void everyExampleFitsItsMessageSchemas(String key) {
    JsonNode examples = message(key).path("examples");
    assertThat(examples.size()).as("examples of " + key).isPositive();
    for (JsonNode example : examples) {
      assertThat(example.has("payload") && example.has("headers")).isTrue();
      assertThat(
              AsyncApiFixture.schemaAt("/components/messages/" + key + "/payload")
                  .validate(example.path("payload")))
          .as("payload of example %s", example.path("name"))
          .isEmpty();
      assertThat(
              AsyncApiFixture.schemaAt("/components/messages/" + key + "/headers")
                  .validate(example.path("headers")))
          .as("headers of example %s", example.path("name"))
          .isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} examples decode from their channel as CloudEvents")
  @MethodSource("messageKeys")
  void everyEventExampleDecodesFromItsChannel(String key) {
    if (key.equals("command")) {
      return; // commands are not events; the command codec comes with the commands issue
    }
    int decoded = 0;
    for (JsonNode example : message(key).path("examples")) {
      Map<String, String> headers = new HashMap<>();
      example
          .path("headers")
          .properties()
          .forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
      byte[] body = example.path("payload").toString().getBytes(StandardCharsets.UTF_8);
      for (String subject : subjectsOf(key, headers)) {
        Event event = CloudEventsCodec.decode(subject, headers::get, body);
        assertThat(event.id())
            .isEqualTo(headers.get("ce-id"))
            .isEqualTo(headers.get("Nats-Msg-Id"));
        assertThat(event.type()).isEqualTo(headers.get("ce-type"));
        decoded++;
      }
    }
    assertThat(decoded).as("examples of %s that fit one of its channels", key).isPositive();
  }

  @Test
  void aHeaderSchemaRefusesAnExampleOfAnotherType() {
    ObjectNode headers =
        (ObjectNode) message("playerScored").path("examples").get(0).path("headers").deepCopy();
    headers.put("ce-type", "player.connected");

    assertThat(
            AsyncApiFixture.schemaAt("/components/messages/playerScored/headers").validate(headers))
        .isNotEmpty();
  }

  @Test
  void aServerEventWithAPlayerSubjectHeaderIsRefused() {
    ObjectNode headers =
        (ObjectNode) message("serverStarted").path("examples").get(0).path("headers").deepCopy();
    headers.put("ce-subject", "p1");

    assertThat(
            AsyncApiFixture.schemaAt("/components/messages/serverStarted/headers")
                .validate(headers))
        .isNotEmpty();
  }

  @Test
  void aPayloadSchemaRefusesABadIdAnOperatorAndAMissingField() {
    JsonNode bad =
        AsyncApiFixture.JSON
            .createObjectNode()
            .put("player_id", "eu.1")
            .put("stat", "kills")
            .put("operator", "add");

    assertThat(AsyncApiFixture.schemaAt("/components/schemas/PlayerScored").validate(bad))
        .extracting(Object::toString)
        .anyMatch(error -> error.contains("/player_id"))
        .anyMatch(error -> error.contains("/operator"))
        .anyMatch(error -> error.contains("value"));
  }

  /** The subjects of the channels carrying message {@code key} that this example fits. */
  private static List<String> subjectsOf(String key, Map<String, String> headers) {
    List<String> subjects = new ArrayList<>();
    DOCUMENT
        .path("channels")
        .forEach(
            channel -> {
              boolean carries = channel.path("messages").has(key);
              String address = channel.path("address").asText();
              boolean forPlayer = address.contains("{player}");
              if (carries && forPlayer == headers.containsKey("ce-subject")) {
                String type = headers.get("ce-type");
                subjects.add(
                    address
                        .replace(
                            "{server}", headers.get("ce-source").substring("/servers/".length()))
                        .replace("{player}", String.valueOf(headers.get("ce-subject")))
                        .replace("{name}", type.substring(type.indexOf('.') + 1)));
              }
            });
    return subjects;
  }

  private static JsonNode message(String key) {
    return DOCUMENT.path("components").path("messages").path(key);
  }
}
