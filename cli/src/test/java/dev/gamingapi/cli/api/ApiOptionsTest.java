package dev.gamingapi.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Where the URL and the token come from, without a server: options, environment, connection.json.
 */
class ApiOptionsTest {
  private static final String LOCAL = "http://127.0.0.1:18080";

  @TempDir Path dataDir;

  @Test
  void theLocalUpIsTheDefault() throws Exception {
    Path token = writeConnectionJson();
    try (ApiConnection client = options().connect(command(), Map.of())) {
      assertThat(client.baseUrl()).isEqualTo(LOCAL);
      assertThat(client.tokenSource()).isEqualTo(token.toString());
    }
  }

  @Test
  void theEnvironmentComesBeforeConnectionJsonAndOptionsBeforeBoth() throws Exception {
    writeConnectionJson();
    Map<String, String> env =
        Map.of("GAMINGAPI_URL", "https://api.example.com/api/v1/", "GAMINGAPI_TOKEN", "gapi_x");
    try (ApiConnection client = options().connect(command(), env)) {
      assertThat(client.baseUrl()).isEqualTo("https://api.example.com");
      assertThat(client.tokenSource()).isEqualTo("GAMINGAPI_TOKEN");
    }
    ApiOptions options = options();
    options.url = "http://other:9000";
    options.token = "gapi_y";
    try (ApiConnection client = options.connect(command(), env)) {
      assertThat(client.baseUrl()).isEqualTo("http://other:9000");
      assertThat(client.tokenSource()).isEqualTo("--token");
    }
  }

  @Test
  void theOperatorTokenIsNeverSentToAnotherUrl() throws Exception {
    writeConnectionJson();
    Map<String, String> env = Map.of("GAMINGAPI_URL", "https://api.example.com");

    assertThatThrownBy(() -> options().connect(command(), env))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageStartingWith("no API token");
  }

  @Test
  void aUrlThatIsNotHttpIsAUsageError() {
    ApiOptions options = options();
    options.url = "nats://127.0.0.1:4222";
    options.token = "t";

    assertThatThrownBy(() -> options.connect(command(), Map.of()))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("nats://127.0.0.1:4222");
  }

  private Path writeConnectionJson() throws Exception {
    Path token = dataDir.resolve("operator.token");
    Files.writeString(token, "gapi_operator\n");
    Files.writeString(
        dataDir.resolve("connection.json"),
        "{\"http_url\": \"" + LOCAL + "\", \"operator_token\": \"" + token + "\"}");
    return token;
  }

  private ApiOptions options() {
    ApiOptions options = new ApiOptions();
    options.dataDir = dataDir;
    return options;
  }

  private static CommandLine command() {
    return new CommandLine(CommandLine.Model.CommandSpec.create());
  }
}
