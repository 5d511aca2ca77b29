package dev.gamingapi.testkit;

import dev.gamingapi.contract.subject.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;

/**
 * A tenant's {@code EVENTS} stream as the platform provisions it (its subjects, file storage, the
 * two-minute de-duplication window that makes publishing exactly once by event id), for tests and
 * benchmarks that run the SDK or the agent against a bare nats-server.
 */
public final class EventStreams {
  private EventStreams() {}

  /** The stream's configuration. */
  public static StreamConfiguration configuration() {
    return StreamConfiguration.builder()
        .name(Subjects.EVENT_STREAM)
        .subjects(Subjects.EVENT_STREAM_SUBJECTS)
        .storageType(StorageType.File)
        .duplicateWindow(Duration.ofMinutes(2))
        .build();
  }

  /** Adds the stream through {@code connection}'s account. */
  public static void add(Connection connection) throws IOException, JetStreamApiException {
    connection.jetStreamManagement().addStream(configuration());
  }
}
