package dev.gamingapi.server.app.backup;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.StreamState;
import java.io.IOException;
import java.time.Duration;

/**
 * The check of a restored stream against the manifest. On a cluster the broker answers the last
 * chunk of a restore before every server sees the stream: a large one was "not found" (10059) right
 * after, so the check waits, boundedly, for the stream to appear with the backup's state.
 */
final class RestoredStream {
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final long POLL_MILLIS = 200;
  private static final int STREAM_NOT_FOUND = 10059;

  private RestoredStream() {}

  static void check(Connection connection, String tenant, BackupManifest.Stream stream) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    StreamState state = null;
    while (true) {
      try {
        state = connection.jetStreamManagement().getStreamInfo(stream.name()).getStreamState();
        if (state.getLastSequence() == stream.lastSeq()
            && state.getMsgCount() == stream.messages()) {
          return;
        }
      } catch (JetStreamApiException e) {
        if (e.getApiErrorCode() != STREAM_NOT_FOUND || System.nanoTime() > deadline) {
          throw new BackupException(
              "cannot check the restored stream %s of %s: %s"
                  .formatted(stream.name(), tenant, e.getMessage()),
              e);
        }
      } catch (IOException e) {
        throw new BackupException(
            "cannot check the restored stream %s of %s: %s"
                .formatted(stream.name(), tenant, e.getMessage()),
            e);
      }
      if (System.nanoTime() > deadline) {
        throw new BackupException(
            "stream %s of %s came back with %d messages up to %d; the backup has %d up to %d"
                .formatted(
                    stream.name(),
                    tenant,
                    state.getMsgCount(),
                    state.getLastSequence(),
                    stream.messages(),
                    stream.lastSeq()));
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BackupException("interrupted while checking the restored streams", e);
      }
    }
  }
}
