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

  private ContractDocuments() {}

  /** The AsyncAPI document of the v1 subjects, as YAML text. */
  public static String asyncApiV1() {
    try (InputStream in = ContractDocuments.class.getResourceAsStream(ASYNCAPI_V1)) {
      if (in == null) {
        throw new IllegalStateException(ASYNCAPI_V1 + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
