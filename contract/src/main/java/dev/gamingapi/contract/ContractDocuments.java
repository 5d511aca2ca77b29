package dev.gamingapi.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The machine-readable documents of the contract, shipped as resources of this module so that the
 * platform can serve them as they are.
 */
public final class ContractDocuments {
  /** Class-path location of the AsyncAPI 3.0.0 document of the v1 subjects. */
  public static final String ASYNCAPI_V1 = "/asyncapi/gamingapi-v1.yaml";

  /** Class-path location of the OpenAPI 3.1 document of the v1 REST API. */
  public static final String OPENAPI_V1 = "/openapi/gamingapi-v1.yaml";

  private ContractDocuments() {}

  /** The AsyncAPI document of the v1 subjects, as YAML text. */
  public static String asyncApiV1() {
    return read(ASYNCAPI_V1);
  }

  /** The OpenAPI document of the v1 REST API ({@code /api/v1}), as YAML text. */
  public static String openApiV1() {
    return read(OPENAPI_V1);
  }

  private static String read(String resource) {
    try (InputStream in = ContractDocuments.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
