package dev.gamingapi.server.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where clients connect and which creds files they use; also written to {@code connection.json}
 * (snake_case) for scripts.
 *
 * @param brokerUrl the NATS URL
 * @param ownerCreds the creds file of the {@code default} tenant's owner
 * @param gameServerCreds creds files of game servers, by server id
 * @param dataDir the platform's data directory
 * @param httpUrl the REST API's base URL
 * @param operatorToken the file holding the operator's API token (mode 0600)
 * @param metricsUrl where {@code /metrics} is served without a token (loopback only); null when no
 *     metrics port was asked for
 */
public record ConnectionInfo(
    String brokerUrl,
    Path ownerCreds,
    Map<String, Path> gameServerCreds,
    Path dataDir,
    String httpUrl,
    Path operatorToken,
    String metricsUrl) {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .registerModule(
              new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance));

  /** Copies the map. */
  public ConnectionInfo {
    gameServerCreds = Map.copyOf(gameServerCreds);
  }

  /** The JSON text, with absolute paths. */
  public String toJson() {
    try {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("broker_url", brokerUrl);
      json.put("owner_creds", ownerCreds.toAbsolutePath());
      Map<String, Path> servers = new TreeMap<>();
      gameServerCreds.forEach((id, path) -> servers.put(id, path.toAbsolutePath()));
      json.put("game_server_creds", servers);
      json.put("data_dir", dataDir.toAbsolutePath());
      json.put("http_url", httpUrl);
      json.put("operator_token", operatorToken.toAbsolutePath());
      if (metricsUrl != null) {
        json.put("metrics_url", metricsUrl);
      }
      return JSON.writeValueAsString(json) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
