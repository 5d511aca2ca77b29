package dev.gamingapi.contract.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.gamingapi.contract.ContractDocuments;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Our OpenAPI document loaded for tests: as a tree, through swagger-parser, and as JSON Schema
 * 2020-12 for its examples. Schemas' {@code $ref}s resolve inside the document only; the loader
 * never fetches anything.
 */
final class OpenApiFixture {
  /** The id under which our document is registered for {@code $ref} resolution. */
  static final String DOC_IRI = "urn:gamingapi:openapi:v1";

  private OpenApiFixture() {}

  /** Our document as a fresh, mutable tree. */
  static ObjectNode document() {
    try {
      return (ObjectNode) new YAMLMapper().readTree(ContractDocuments.openApiV1());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What swagger-parser makes of {@code yamlOrJson}, with its references resolved. */
  static SwaggerParseResult parse(String yamlOrJson) {
    return parse(yamlOrJson, false);
  }

  /**
   * What swagger-parser makes of {@code yamlOrJson}; {@code inline} replaces every local {@code
   * $ref} by its target, so that a test can read e.g. a shared response's headers in place.
   */
  static SwaggerParseResult parse(String yamlOrJson, boolean inline) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(inline);
    return new OpenAPIV3Parser().readContents(yamlOrJson, List.of(), options);
  }

  /** The schema at {@code pointer} (a JSON pointer) of {@code document}. */
  static Schema schemaAt(JsonNode document, String pointer) {
    return registry(document).getSchema(SchemaLocation.of(DOC_IRI + "#" + pointer));
  }

  /**
   * A 2020-12 registry that knows only {@code document}. Format assertions are on so that a bad
   * {@code date-time} fails: by default 2020-12 treats {@code format} as a mere annotation.
   */
  static SchemaRegistry registry(JsonNode document) {
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_2020_12,
        builder ->
            builder
                .schemas(Map.of(DOC_IRI, document.toString()))
                .schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemaLoader(
                    loader ->
                        loader
                            .fetchRemoteResources(false)
                            .block(iri -> iri.toString().matches("(?i)https?:.*"))));
  }

  /** Escapes one JSON-pointer token ({@code /api/v1} becomes {@code ~1api~1v1}). */
  static String token(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
