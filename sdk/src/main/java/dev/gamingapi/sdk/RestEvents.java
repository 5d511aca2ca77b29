package dev.gamingapi.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.cloudevents.CloudEventHeaders;
import dev.gamingapi.contract.subject.Subjects;
import io.nats.client.impl.Headers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Events as the REST API shows them ({@code StoredEvent} of the OpenAPI document), turned into the
 * SDK's {@link StoredEvent}, and the {@code data} lines of a stream of server-sent events.
 */
final class RestEvents {
  private static final ObjectMapper JSON = ContractJson.mapper();

  private RestEvents() {}

  /**
   * The SDK's event for an API view: the CloudEvents attributes become the headers the broker
   * stores, so that {@link StoredEvent#event()} decodes it as it would a message.
   */
  static StoredEvent stored(JsonNode view) {
    String server = view.path("server").asText();
    String player = view.hasNonNull("player") ? view.get("player").asText() : null;
    String type = view.path("type").asText();
    Headers headers = new Headers();
    headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
    headers.put(CloudEventHeaders.ID, view.path("id").asText());
    headers.put(CloudEventHeaders.TYPE, type);
    headers.put(CloudEventHeaders.SOURCE, "/servers/" + server);
    headers.put(CloudEventHeaders.TIME, view.path("time").asText());
    headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    if (player != null) {
      headers.put(CloudEventHeaders.SUBJECT, player);
    }
    byte[] body;
    try {
      body = view.hasNonNull("data") ? JSON.writeValueAsBytes(view.get("data")) : new byte[0];
    } catch (JsonProcessingException e) {
      throw new GamingApiException("cannot write an event's data: " + e.getMessage(), e);
    }
    return new StoredEvent(
        view.path("sequence").asLong(), Subjects.event(server, player, type), headers, body);
  }

  /** The JSON of one event's {@code data} line. */
  static JsonNode parse(String data) {
    try {
      return JSON.readTree(data);
    } catch (JsonProcessingException e) {
      throw new GamingApiException("the events stream sent something that is not JSON: " + e, e);
    }
  }

  /**
   * Hands the data of each {@code event} of a server-sent events stream to {@code sink}, until the
   * stream ends; comments (heartbeats) and other fields are skipped.
   */
  static void readStream(InputStream stream, Consumer<String> sink) throws IOException {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            sink.accept(data.toString());
            data.setLength(0);
          }
        } else if (line.startsWith("data:")) {
          if (!data.isEmpty()) {
            data.append('\n');
          }
          data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
        }
      }
    }
  }
}
