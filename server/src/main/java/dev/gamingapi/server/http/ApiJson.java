package dev.gamingapi.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gamingapi.server.access.UserKind;
import java.io.IOException;

/**
 * The REST API's JSON: snake_case fields, RFC 3339 times, nulls written out (a client can tell "no
 * expiry" from a missing field), and unknown request fields refused rather than ignored.
 */
final class ApiJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule()
                  .addSerializer(
                      UserKind.class,
                      new JsonSerializer<>() {
                        @Override
                        public void serialize(
                            UserKind kind, JsonGenerator out, SerializerProvider provider)
                            throws IOException {
                          out.writeString(kind.wireName());
                        }
                      }))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private ApiJson() {}
}
