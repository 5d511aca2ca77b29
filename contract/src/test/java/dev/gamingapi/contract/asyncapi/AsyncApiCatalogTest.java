package dev.gamingapi.contract.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.EventType;
import dev.gamingapi.contract.event.Scope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The document and the Java records of {@link EventCatalog} describe the same events. */
class AsyncApiCatalogTest {
  private static final JsonNode DOCUMENT = AsyncApiFixture.document();
  private static final Set<String> NOT_CATALOG = Set.of("custom", "command");
  private static final PropertyNamingStrategies.NamingBase SNAKE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  static Stream<String> catalog() {
    return EventCatalog.types().stream().map(EventType::name);
  }

  @Test
  void everyCatalogTypeHasExactlyOneMessageAndViceVersa() {
    List<String> messageNames = new ArrayList<>();
    AsyncApiFixture.messages(DOCUMENT)
        .forEach(message -> messageNames.add(message.getValue().path("name").asText()));
    messageNames.removeAll(NOT_CATALOG);

    assertThat(messageNames)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            EventCatalog.types().stream().map(EventType::name).toList());
  }

  @ParameterizedTest(name = "{0} has one channel whose address fits its scope")
  @MethodSource("catalog")
  void everyCatalogTypeHasOneChannelOfItsScope(String typeName) {
    EventType type = EventCatalog.find(typeName).orElseThrow();
    String prefix =
        type.scope() == Scope.PLAYER
            ? "v1.servers.{server}.players.{player}.events."
            : "v1.servers.{server}.events.";
    List<JsonNode> channels = new ArrayList<>();
    DOCUMENT
        .path("channels")
        .forEach(
            channel -> {
              if (channel.path("address").asText().endsWith(".events." + type.name())) {
                channels.add(channel);
              }
            });

    assertThat(channels).hasSize(1);
    assertThat(channels.get(0).path("address").asText()).isEqualTo(prefix + type.name());
    assertThat(channels.get(0).path("messages").properties())
        .singleElement()
        .satisfies(
            message -> assertThat(messageOf(type).path("name").asText()).isEqualTo(type.name()))
        .satisfies(
            message ->
                assertThat(message.getValue().path("$ref").asText())
                    .isEqualTo("#/components/messages/" + keyOf(type)));
  }

  @ParameterizedTest(name = "{0}: schema properties are the record's fields in snake_case")
  @MethodSource("catalog")
  void schemaPropertiesAreTheRecordFields(String typeName) {
    EventType type = EventCatalog.find(typeName).orElseThrow();
    JsonNode schema = payloadSchema(type);
    Set<String> fields = new TreeSet<>();
    Set<String> primitives = new TreeSet<>();
    for (var component : type.dataClass().getRecordComponents()) {
      String name = SNAKE.translate(component.getName());
      fields.add(name);
      if (component.getType().isPrimitive()) {
        primitives.add(name);
      }
    }
    Set<String> properties = new TreeSet<>();
    schema.path("properties").fieldNames().forEachRemaining(properties::add);
    Set<String> required = new TreeSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));

    assertThat(properties).isEqualTo(fields);
    assertThat(fields).containsAll(required).containsAll(primitives);
    assertThat(required).containsAll(primitives);
    assertThat(schema.path("additionalProperties").asBoolean(true)).isTrue();
  }

  @ParameterizedTest(name = "{0}: examples decode into the record and re-encode unchanged")
  @MethodSource("catalog")
  void examplesDecodeIntoTheRecordAndReencodeToTheSchema(String typeName) throws IOException {
    EventType type = EventCatalog.find(typeName).orElseThrow();
    for (JsonNode example : messageOf(type).path("examples")) {
      String player = example.path("headers").path("ce-subject").textValue();
      byte[] body = example.path("payload").toString().getBytes(StandardCharsets.UTF_8);

      EventData data = CloudEventsCodec.decodeData(type.name(), player, body);
      JsonNode again = ContractJson.mapper().readTree(CloudEventsCodec.encodeData(data));

      assertThat(data).isInstanceOf(type.dataClass());
      assertThat(EventCatalog.typeOf(data)).isEqualTo(type.name());
      assertThat(
              AsyncApiFixture.schemaAt("/components/schemas/" + schemaName(type)).validate(again))
          .isEmpty();
      assertThat(again.equals(NUMBERS_BY_VALUE, example.path("payload")))
          .as("%s re-encoded as %s", example.path("payload"), again)
          .isTrue();
    }
  }

  /** Equal JSON, where 1 and 1.0 are the same number. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue())
              : (a.equals(b) ? 0 : 1);

  private static JsonNode messageOf(EventType type) {
    return DOCUMENT.path("components").path("messages").path(keyOf(type));
  }

  private static JsonNode payloadSchema(EventType type) {
    String ref = messageOf(type).path("payload").path("$ref").asText();
    assertThat(ref).isEqualTo("#/components/schemas/" + schemaName(type));
    return DOCUMENT.path("components").path("schemas").path(schemaName(type));
  }

  /** {@code player.scored} is message {@code playerScored} with payload {@code PlayerScored}. */
  private static String keyOf(EventType type) {
    String name = schemaName(type);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String schemaName(EventType type) {
    return type.dataClass().getSimpleName();
  }
}
