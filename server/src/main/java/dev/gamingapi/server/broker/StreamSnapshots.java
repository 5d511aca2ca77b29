package dev.gamingapi.server.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;

/**
 * Backup and restore of a stream with JetStream's snapshot API ({@code $JS.API.STREAM.SNAPSHOT.*},
 * {@code $JS.API.STREAM.RESTORE.*}), which jnats does not wrap and the {@code nats} CLI is not
 * installed here to do. A snapshot keeps stream sequences (the read models' positions refer to
 * them) and the consumers' state, unlike re-publishing the messages.
 *
 * <p>Files: {@code STREAM.json} (the stream's config and state at the snapshot, as the restore
 * request wants them) and {@code STREAM.snapshot} (the server's data, an s2-compressed tar, kept as
 * is). The connection must be a user of the stream's account.
 */
public final class StreamSnapshots {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHUNK = 128 * 1024;
  private static final Duration REQUEST = Duration.ofSeconds(10);
  // A whole restore is checked and installed by the server before it answers the last chunk.
  private static final Duration FINISH = Duration.ofMinutes(5);

  private StreamSnapshots() {}

  /**
   * Writes {@code stream}'s snapshot (data and consumers) to {@code dir}.
   *
   * @return the bytes of snapshot data written
   * @throws BrokerException when the broker refuses or stops sending
   */
  public static long backup(Connection connection, String stream, Path dir) {
    try {
      Files.createDirectories(dir);
      String inbox = connection.createInbox();
      Subscription chunks = connection.subscribe(inbox);
      try {
        connection.flush(REQUEST);
        ObjectNode request =
            JSON.createObjectNode()
                .put("deliver_subject", inbox)
                .put("no_consumers", false)
                .put("chunk_size", CHUNK);
        JsonNode response = request(connection, "$JS.API.STREAM.SNAPSHOT." + stream, request);
        ObjectNode meta = JSON.createObjectNode();
        meta.set("config", response.path("config"));
        meta.set("state", response.path("state"));
        Files.writeString(dir.resolve(stream + ".json"), meta.toPrettyString());
        long written = 0;
        try (OutputStream out = Files.newOutputStream(dir.resolve(stream + ".snapshot"))) {
          while (true) {
            Message chunk = chunks.nextMessage(REQUEST);
            if (chunk == null) {
              throw new BrokerException(
                  "the broker stopped sending the snapshot of "
                      + stream
                      + " after "
                      + written
                      + " bytes");
            }
            if (chunk.isStatusMessage()) {
              throw new BrokerException(
                  "snapshot of " + stream + " failed: " + chunk.getStatus().getMessage());
            }
            byte[] data = chunk.getData();
            if (data == null || data.length == 0) {
              return written; // end of the snapshot
            }
            out.write(data);
            written += data.length;
            if (chunk.getReplyTo() != null) {
              connection.publish(chunk.getReplyTo(), new byte[0]); // flow control
            }
          }
        }
      } finally {
        chunks.unsubscribe();
      }
    } catch (IOException e) {
      throw new BrokerException("cannot write the snapshot of " + stream + " to " + dir, e);
    } catch (TimeoutException e) {
      throw new BrokerException("the broker did not answer in time for " + stream, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException("interrupted during the snapshot of " + stream, e);
    }
  }

  /**
   * Creates {@code stream} from its snapshot in {@code dir}; it must not exist.
   *
   * @param replicas the restored stream's replicas, or null to keep the snapshot's (a backup of a
   *     cluster restored onto one node needs 1)
   * @throws BrokerException when the broker refuses (a stream of that name exists, no room...)
   */
  public static JsonNode restore(Connection connection, String stream, Path dir, Integer replicas) {
    try {
      ObjectNode meta = (ObjectNode) JSON.readTree(dir.resolve(stream + ".json").toFile());
      if (replicas != null) {
        ((ObjectNode) meta.path("config")).put("num_replicas", replicas.intValue());
      }
      JsonNode started = request(connection, "$JS.API.STREAM.RESTORE." + stream, meta);
      String deliver = started.path("deliver_subject").asText("");
      if (deliver.isEmpty()) {
        throw new BrokerException("the broker gave no subject to restore " + stream + " to");
      }
      byte[] buffer = new byte[CHUNK];
      try (InputStream in = Files.newInputStream(dir.resolve(stream + ".snapshot"))) {
        int read;
        while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
          Message ack = connection.request(deliver, Arrays.copyOf(buffer, read), REQUEST);
          if (ack == null) {
            throw new BrokerException("the broker did not take a chunk of " + stream);
          }
          errorOf(ack, stream);
        }
      }
      Message done = connection.request(deliver, new byte[0], FINISH);
      if (done == null) {
        throw new BrokerException("the broker did not finish restoring " + stream + " in time");
      }
      return errorOf(done, stream);
    } catch (IOException e) {
      throw new BrokerException("cannot read the snapshot of " + stream + " in " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException("interrupted while restoring " + stream, e);
    }
  }

  private static JsonNode request(Connection connection, String subject, JsonNode body)
      throws IOException, InterruptedException {
    Message reply = connection.request(subject, JSON.writeValueAsBytes(body), REQUEST);
    if (reply == null) {
      throw new BrokerException("no answer from JetStream on " + subject);
    }
    return errorOf(reply, subject);
  }

  private static JsonNode errorOf(Message reply, String what) throws IOException {
    byte[] data = reply.getData();
    if (data == null || data.length == 0) {
      return JSON.createObjectNode();
    }
    JsonNode json = JSON.readTree(new String(data, StandardCharsets.UTF_8));
    JsonNode error = json.path("error");
    if (!error.isMissingNode()) {
      throw new BrokerException(
          what
              + ": "
              + error.path("description").asText("error")
              + " (code "
              + error.path("err_code").asText("?")
              + ")");
    }
    return json;
  }
}
