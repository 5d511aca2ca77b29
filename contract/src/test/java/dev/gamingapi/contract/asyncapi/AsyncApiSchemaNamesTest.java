package dev.gamingapi.contract.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every object and enum schema of the document has a name, so that code generated from it gets
 * speaking type names instead of {@code AnonymousSchema_17}: it is a component (its key is the
 * name), a {@code $ref} to one, or carries a {@code title}.
 *
 * <p>Generators make a type of each object or enum schema they meet: a property's, an item's, a
 * message's payload and headers, each {@code oneOf}/{@code anyOf} branch. An {@code allOf} makes
 * one type of all its members merged, so its inline members need no name of their own; but the
 * {@code allOf} itself does when the merge is an object or an enum (the usual way to add a
 * description to a {@code $ref}, {@code allOf: [$ref]}, makes a new anonymous type).
 */
class AsyncApiSchemaNamesTest {

  @Test
  void everyObjectAndEnumSchemaHasATitleOrAComponentName() {
    assertThat(unnamed(AsyncApiFixture.document())).isEmpty();
  }

  @Test
  void anInlineEnumPropertyIsFound() {
    ObjectNode document = AsyncApiFixture.document();
    ObjectNode properties = (ObjectNode) schemas(document).path("PlayerScored").path("properties");
    properties.putObject("mode").put("type", "string").putArray("enum").add("fast").add("slow");

    assertThat(unnamed(document))
        .containsExactly("/components/schemas/PlayerScored/properties/mode");
  }

  @Test
  void anAllOfAroundAnObjectComponentIsFoundUnlessTitled() {
    ObjectNode document = AsyncApiFixture.document();
    ObjectNode position =
        ((ObjectNode) schemas(document).path("PlayerRespawned").path("properties"))
            .putObject("position");
    position.put("description", "Where the player respawned.");
    position.putArray("allOf").addObject().put("$ref", "#/components/schemas/Position");

    assertThat(unnamed(document))
        .containsExactly("/components/schemas/PlayerRespawned/properties/position");

    position.put("title", "RespawnPosition");
    assertThat(unnamed(document)).isEmpty();
  }

  @Test
  void anUntitledInlineHeaderObjectOfAMessageIsFound() {
    ObjectNode document = AsyncApiFixture.document();
    ((ObjectNode) document.path("components").path("messages").path("playerKilled").path("headers"))
        .remove("title");

    assertThat(unnamed(document)).containsExactly("/components/messages/playerKilled/headers");
  }

  @Test
  void anAllOfAroundAStringStaysAPrimitiveAndNeedsNoName() {
    JsonNode killer =
        schemas(AsyncApiFixture.document()).path("PlayerDied").path("properties").path("killer_id");

    assertThat(killer.has("allOf")).isTrue();
    assertThat(kind(AsyncApiFixture.document(), killer)).isEqualTo(Kind.OTHER);
  }

  // --- the walk ---

  private enum Kind {
    OBJECT,
    ENUM,
    OTHER
  }

  /** JSON pointers of the object and enum schemas that have no name. */
  static List<String> unnamed(JsonNode document) {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, JsonNode> schema : schemas(document).properties()) {
      walk(document, schema.getValue(), "/components/schemas/" + schema.getKey(), true, found);
    }
    for (Map.Entry<String, JsonNode> message : AsyncApiFixture.messages(document)) {
      message(document, message.getValue(), "/components/messages/" + message.getKey(), found);
    }
    for (Map.Entry<String, JsonNode> channel : document.path("channels").properties()) {
      for (Map.Entry<String, JsonNode> message : channel.getValue().path("messages").properties()) {
        String pointer = "/channels/" + channel.getKey() + "/messages/" + message.getKey();
        message(document, message.getValue(), pointer, found);
      }
    }
    return found;
  }

  private static void message(
      JsonNode document, JsonNode message, String pointer, List<String> found) {
    if (message.has("$ref")) {
      return; // walked where it is defined
    }
    for (String part : List.of("payload", "headers")) {
      if (message.has(part)) {
        walk(document, message.get(part), pointer + "/" + part, false, found);
      }
    }
  }

  private static void walk(
      JsonNode document, JsonNode schema, String pointer, boolean named, List<String> found) {
    if (!schema.isObject() || schema.has("$ref")) {
      return; // a reference is named by its target, which is walked as a component
    }
    if (!named && !schema.has("title") && kind(document, schema) != Kind.OTHER) {
      found.add(pointer);
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      walk(
          document,
          property.getValue(),
          pointer + "/properties/" + escape(property.getKey()),
          false,
          found);
    }
    for (Map.Entry<String, JsonNode> property : schema.path("patternProperties").properties()) {
      walk(
          document,
          property.getValue(),
          pointer + "/patternProperties/" + escape(property.getKey()),
          false,
          found);
    }
    for (String single : List.of("items", "additionalProperties", "not")) {
      walk(document, schema.path(single), pointer + "/" + single, false, found);
    }
    for (String branches : List.of("oneOf", "anyOf", "items")) {
      JsonNode list = schema.path(branches);
      if (!list.isArray()) {
        continue; // items as one schema was walked above
      }
      for (int i = 0; i < list.size(); i++) {
        walk(document, list.get(i), pointer + "/" + branches + "/" + i, false, found);
      }
    }
    JsonNode merged = schema.path("allOf");
    for (int i = 0; i < merged.size(); i++) {
      // merged into this schema's type: named with it
      walk(document, merged.get(i), pointer + "/allOf/" + i, true, found);
    }
  }

  /** What a generator makes of {@code schema}: an object type, an enum type, or neither. */
  private static Kind kind(JsonNode document, JsonNode schema) {
    JsonNode resolved = resolve(document, schema);
    JsonNode type = resolved.path("type");
    boolean objectType =
        type.asText().equals("object")
            || (type.isArray() && type.toString().contains("\"object\""));
    if (objectType || resolved.has("properties") || resolved.has("patternProperties")) {
      return Kind.OBJECT;
    }
    if (resolved.has("enum")) {
      return Kind.ENUM;
    }
    for (JsonNode member : resolved.path("allOf")) {
      Kind kind = kind(document, member);
      if (kind != Kind.OTHER) {
        return kind;
      }
    }
    return Kind.OTHER;
  }

  private static JsonNode resolve(JsonNode document, JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    return ref.startsWith("#") ? document.at(ref.substring(1)) : schema;
  }

  private static JsonNode schemas(JsonNode document) {
    return document.path("components").path("schemas");
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
