package dev.gamingapi.contract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every example of the document next to the schema it illustrates: those of media types, parameters
 * and headers (an object with a {@code schema} and {@code example} or {@code examples}), and the
 * {@code examples} array of each component schema.
 */
record OpenApiExamples(JsonNode document) {

  /** One example value and the JSON pointer of the schema it must fit. */
  record Example(String label, String schemaPointer, JsonNode value) {
    @Override
    public String toString() {
      return label;
    }
  }

  List<Example> all() {
    List<Example> out = new ArrayList<>();
    walk(document, "", out);
    for (Map.Entry<String, JsonNode> schema : document.at("/components/schemas").properties()) {
      String pointer = "/components/schemas/" + OpenApiFixture.token(schema.getKey());
      int i = 0;
      for (JsonNode value : schema.getValue().path("examples")) {
        out.add(new Example(pointer + "/examples/" + i++, pointer, value));
      }
    }
    return out;
  }

  private void walk(JsonNode node, String pointer, List<Example> out) {
    if (!node.isContainerNode()) {
      return;
    }
    if (node.has("schema") && node.path("schema").isObject()) {
      String schema = pointer + "/schema";
      if (node.has("example")) {
        out.add(new Example(pointer + "/example", schema, node.get("example")));
      }
      for (Map.Entry<String, JsonNode> example : node.path("examples").properties()) {
        String at = pointer + "/examples/" + OpenApiFixture.token(example.getKey());
        out.add(new Example(at, schema, resolve(example.getValue()).path("value")));
      }
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        // Example values are data, not document structure: never look for examples inside them,
        // and component schemas' own examples are taken by all().
        if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
          walk(field.getValue(), pointer + "/" + OpenApiFixture.token(field.getKey()), out);
        }
      }
    } else {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  /** An Example Object, following its {@code $ref} into {@code components/examples}. */
  JsonNode resolve(JsonNode example) {
    String ref = example.path("$ref").asText("");
    return ref.startsWith("#/") ? document.at(ref.substring(1)) : example;
  }
}
