package dev.gamingapi.testkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI document as a JSON tree whose schemas networknt validates (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1). The whole document is registered under one IRI, so a schema is named by
 * its JSON pointer and its {@code $ref}s to {@code #/components/schemas} resolve in place; nothing
 * is ever fetched.
 */
final class SchemaDocument {
  private static final String IRI = "urn:gamingapi:openapi:contract";

  private final JsonNode root;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  SchemaDocument(JsonNode root) {
    this.root = root;
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder
                    .schemas(Map.of(IRI, root.toString()))
                    // 2020-12 makes `format` an annotation; a contract must reject a bad date-time.
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaLoader(
                        loader ->
                            loader
                                .fetchRemoteResources(false)
                                .block(iri -> !iri.toString().startsWith(IRI))));
  }

  /** The node at {@code pointer}, missing if there is none. */
  JsonNode at(String pointer) {
    return root.at(pointer);
  }

  /**
   * The pointer of what {@code pointer} designates once its local {@code $ref}s are followed
   * (responses, parameters and headers may be references to {@code components}).
   */
  String follow(String pointer) {
    for (int hops = 0; hops < 16; hops++) {
      String ref = root.at(pointer).path("$ref").asText("");
      if (!ref.startsWith("#/")) {
        return pointer;
      }
      pointer = ref.substring(1);
    }
    throw new IllegalStateException("$ref loop at " + pointer);
  }

  /**
   * The errors of {@code value} against the schema at {@code pointer}, one line each, written to
   * follow the name of what was checked: {@code ": required property 'plan' not found"} at the
   * root, {@code " /id: integer found, string expected"} below it.
   */
  List<String> validate(String pointer, JsonNode value) {
    Schema schema =
        schemas.computeIfAbsent(
            pointer, at -> registry.getSchema(SchemaLocation.of(IRI + "#" + at)));
    return schema.validate(value).stream().map(SchemaDocument::describe).toList();
  }

  /**
   * A text value (path, query or header) as the JSON value the schema at {@code pointer} expects: a
   * number when it wants an integer or a number and the text is one, else the text itself.
   */
  JsonNode typed(String pointer, String text) {
    JsonNode type = at(follow(pointer)).path("type");
    boolean numeric =
        type.asText().equals("integer")
            || type.asText().equals("number")
            || (type.isArray() && type.toString().matches(".*\"(integer|number)\".*"));
    if (numeric) {
      try {
        return JsonNodeFactory.instance.numberNode(Long.parseLong(text));
      } catch (NumberFormatException notALong) {
        try {
          return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
          // fall through: the schema then reports the wrong type
        }
      }
    }
    return JsonNodeFactory.instance.textNode(text);
  }

  private static String describe(Error error) {
    String at = error.getInstanceLocation().toString();
    return (at.isEmpty() ? "" : " " + at) + ": " + error.getMessage();
  }
}
