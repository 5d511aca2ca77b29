package dev.gamingapi.server.app;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** NATS clients connecting with creds files, recording the errors the broker sends them. */
final class Clients {
  private Clients() {}

  /** A connection and the asynchronous errors it received. */
  record Client(Connection connection, List<String> errors) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      connection.close();
    }
  }

  static Client connect(String url, Path creds) throws Exception {
    return connect(url, creds, null);
  }

  static Client connect(String url, Path creds, String inboxPrefix) throws Exception {
    List<String> errors = new CopyOnWriteArrayList<>();
    Options.Builder options =
        Options.builder()
            .server(url)
            .authHandler(Nats.credentials(creds.toString()))
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(100))
            .errorListener(
                new ErrorListener() {
                  @Override
                  public void errorOccurred(Connection conn, String error) {
                    errors.add(error);
                  }

                  @Override
                  public void slowConsumerDetected(Connection conn, Consumer consumer) {}
                });
    if (inboxPrefix != null) {
      options.inboxPrefix(inboxPrefix);
    }
    return new Client(Nats.connect(options.build()), errors);
  }
}
