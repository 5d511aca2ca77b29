package dev.gamingapi.contract.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.gamingapi.contract.ContractDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Our AsyncAPI document and the official AsyncAPI 3.0.0 JSON Schema, loaded for tests. Every {@code
 * $ref} resolves inside the two files: the schema loader is built without remote fetching and
 * refuses http(s) locations, so a test can never depend on the network.
 */
final class AsyncApiFixture {
  /** The id under which our document is registered for {@code $ref} resolution. */
  static final String DOC_IRI = "urn:gamingapi:asyncapi:v1";

  static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPEC = "/asyncapi-spec/3.0.0-without-id.json";

  private AsyncApiFixture() {}

  /** Our document as a fresh, mutable tree. */
  static ObjectNode document() {
    try {
      return (ObjectNode) new YAMLMapper().readTree(ContractDocuments.asyncApiV1());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Errors of {@code document} against the official AsyncAPI 3.0.0 schema; empty when valid. */
  static List<Error> specErrors(JsonNode document) {
    try (InputStream spec = AsyncApiFixture.class.getResourceAsStream(SPEC)) {
      Schema schema = registry(Map.of()).getSchema(spec);
      return schema.validate(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema at {@code pointer} (e.g. {@code /components/schemas/PlayerScored}) of our doc. */
  static Schema schemaAt(String pointer) {
    return schemaAt(document(), pointer);
  }

  /** The schema at {@code pointer} of {@code document}, with its {@code $ref}s resolved in it. */
  static Schema schemaAt(JsonNode document, String pointer) {
    return registry(Map.of(DOC_IRI, document.toString()))
        .getSchema(SchemaLocation.of(DOC_IRI + "#" + pointer));
  }

  /** A registry for draft-07 schemas that knows only {@code documents} and the built-ins. */
  static SchemaRegistry registry(Map<String, String> documents) {
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_7,
        builder ->
            builder
                .schemas(documents)
                .schemaLoader(
                    loader ->
                        loader
                            .fetchRemoteResources(false)
                            .block(iri -> iri.toString().matches("(?i)https?:.*"))));
  }

  /** The messages of {@code document} under {@code components.messages}, by key. */
  static List<Map.Entry<String, JsonNode>> messages(JsonNode document) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    document.path("components").path("messages").properties().forEach(out::add);
    return out;
  }
}
