package dev.gamingapi.server.readmodel.engine;

import io.nats.client.impl.Headers;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The first value of each header of a message, as a read-only map over jnats's headers. Reading an
 * event asks for a few headers by name; copying them all into a map of our own cost as much as
 * decoding the body, so only a dead letter (which stores every header) ever lists them.
 */
final class FirstValues extends AbstractMap<String, String> {
  private final Headers headers;

  FirstValues(Headers headers) {
    this.headers = headers;
  }

  @Override
  public String get(Object name) {
    return headers == null || !(name instanceof String key) ? null : headers.getFirst(key);
  }

  @Override
  public boolean containsKey(Object name) {
    return get(name) != null;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    Map<String, String> all = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach((key, values) -> all.put(key, values.isEmpty() ? null : values.get(0)));
    }
    return all.entrySet();
  }
}
