package dev.gamingapi.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.sdk.rest.RestClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where the REST API is and which token to send. Each comes from its option, else its environment
 * variable, else the {@code connection.json} a local {@code gamingapi up} wrote.
 */
public final class ApiOptions {
  /** Where {@code up} listens by default, for when no connection.json is at hand. */
  static final String DEFAULT_URL = "http://127.0.0.1:8080";

  // Deleting an account drops its streams on the broker, which can take a few seconds.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "REST API URL (default: $GAMINGAPI_URL, else the one of `up` in DIR).")
  String url;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "API token (default: $GAMINGAPI_TOKEN, else the operator token of `up`).")
  String token;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "Read the API token from FILE.")
  Path tokenFile;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "Data directory of the local `up`, for the defaults (default: ./data).")
  Path dataDir;

  @Option(names = "--json", description = "Print the API's JSON as is.")
  boolean json;

  /**
   * Options set by a command that names them its own way ({@code events tail --shared} has {@code
   * --api-url}, as its {@code --url} is the broker's); defaults as on the command line.
   */
  public static ApiOptions of(String url, String token, Path tokenFile) {
    ApiOptions options = new ApiOptions();
    options.url = url;
    options.token = token;
    options.tokenFile = tokenFile;
    options.dataDir = Path.of("data");
    return options;
  }

  /** Whether to print JSON rather than a table. */
  public boolean json() {
    return json;
  }

  /**
   * A client for the resolved URL and token.
   *
   * @param commandLine the command, for usage errors
   */
  public ApiConnection connect(CommandLine commandLine) {
    return connect(commandLine, System.getenv());
  }

  ApiConnection connect(CommandLine commandLine, Map<String, String> env) {
    Path connectionJson = dataDir.resolve("connection.json");
    JsonNode local = readConnection(connectionJson);
    String localUrl = local.path("http_url").asText(null);
    String base = firstOf(url, env.get("GAMINGAPI_URL"), localUrl, DEFAULT_URL);
    base = normalize(commandLine, base);
    if (token != null && tokenFile != null) {
      throw new CommandLine.ParameterException(
          commandLine, "give --token or --token-file, not both");
    }
    if (token != null) {
      return connection(base, token.strip(), "--token");
    }
    if (tokenFile != null) {
      return connection(base, readToken(tokenFile), "--token-file " + tokenFile);
    }
    String fromEnv = env.get("GAMINGAPI_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return connection(base, fromEnv.strip(), "GAMINGAPI_TOKEN");
    }
    // The local operator token goes only to the local API: never send it to another --url.
    String operatorToken = local.path("operator_token").asText(null);
    if (operatorToken != null
        && localUrl != null
        && base.equals(normalize(commandLine, localUrl))) {
      Path file = Path.of(operatorToken);
      return connection(base, readToken(file), file.toString());
    }
    throw new CommandLine.ParameterException(
        commandLine,
        "no API token: give --token or --token-file, set GAMINGAPI_TOKEN, or start the platform"
            + " with ./gamingapi up (it writes "
            + connectionJson
            + ")");
  }

  private static ApiConnection connection(String base, String token, String tokenSource) {
    RestClient client =
        RestClient.builder()
            .url(base)
            .token(token)
            .connectTimeout(Duration.ofSeconds(5))
            .requestTimeout(REQUEST_TIMEOUT)
            .build();
    return new ApiConnection(client, tokenSource);
  }

  private static JsonNode readConnection(Path file) {
    if (!Files.isRegularFile(file)) {
      return new ObjectMapper().createObjectNode();
    }
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException unreadable) {
      // Only defaults come from it: the options still work, and a missing token is named later.
      return new ObjectMapper().createObjectNode();
    }
  }

  private static String readToken(Path file) {
    String text;
    try {
      text = Files.readString(file).strip();
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("the token file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the token file " + file + ": " + e, e);
    }
    if (text.isEmpty()) {
      throw new IllegalStateException("the token file " + file + " is empty");
    }
    return text;
  }

  /** The base URL without a trailing slash or {@code /api/v1}, which users may well paste. */
  private static String normalize(CommandLine commandLine, String text) {
    String base = text.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    if (base.endsWith("/api/v1")) {
      base = base.substring(0, base.length() - "/api/v1".length());
    }
    URI uri;
    try {
      uri = URI.create(base);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null
        || uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new CommandLine.ParameterException(
          commandLine, "the API URL '" + text + "' is not an http:// or https:// URL");
    }
    return base;
  }

  private static String firstOf(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return null;
  }
}
