package dev.gamingapi.cli.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.ContractJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where the broker is and which credential to use. The URL defaults to the one a local {@code
 * gamingapi up} wrote to {@code ./data/connection.json}, else {@code nats://127.0.0.1:4222}.
 */
final class BrokerOptions {
  static final Path LOCAL_CONNECTION = Path.of("data", "connection.json");

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "Broker URL (default: from ./data/connection.json, else nats://127.0.0.1:4222).")
  String url;

  @Option(
      names = "--creds",
      paramLabel = "FILE",
      description = "NATS credentials file of the user to act as (required).")
  Path creds;

  /**
   * The credentials file, which every command on the broker needs; not marked required for picocli
   * so that {@code events tail --shared}, which reads over the REST API, may go without.
   */
  Path creds(CommandLine commandLine) {
    if (creds == null) {
      throw new CommandLine.ParameterException(
          commandLine, "Missing required option: '--creds=FILE'");
    }
    return creds;
  }

  String url() {
    if (url != null) {
      return url;
    }
    if (Files.isRegularFile(LOCAL_CONNECTION)) {
      try {
        JsonNode info = ContractJson.mapper().readTree(LOCAL_CONNECTION.toFile());
        if (info.hasNonNull("broker_url")) {
          return info.get("broker_url").asText();
        }
      } catch (IOException unreadable) {
        // fall back to the default below; the connection error will name the URL tried
      }
    }
    return "nats://127.0.0.1:4222";
  }
}
