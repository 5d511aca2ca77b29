package dev.gamingapi.server.broker;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a tenant's streams, or brings them to the wanted settings; safe to run at every start.
 *
 * <p>The connection must belong to a user of the tenant account: streams live in the account of the
 * connection that creates them.
 */
public final class StreamProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(StreamProvisioner.class);
  private static final int STREAM_NOT_FOUND = 10059;
  // Seen once in 7 cluster runs on the first stream of a freshly pushed account; a retry succeeds.
  private static final int ERROR_CREATING_STORE = 10049;
  private static final int INSUFFICIENT_STORAGE = 10047;

  private StreamProvisioner() {}

  /**
   * Creates the {@code EVENTS} stream, or updates it when its settings differ.
   *
   * @return the stream as the broker reports it
   * @throws StreamProvisioningException if the broker refuses it or ignores some setting
   */
  public static StreamInfo provisionEvents(Connection tenant, EventStreamSpec spec) {
    StreamConfiguration wanted = spec.toConfiguration();
    try {
      JetStreamManagement jsm = tenant.jetStreamManagement();
      StreamInfo info = existing(jsm, EventStreamSpec.NAME);
      if (info == null) {
        info = createWithRetry(jsm, wanted);
        LOG.info("created stream {}", EventStreamSpec.NAME);
      } else if (!spec.isSatisfiedBy(info.getConfiguration())) {
        info = update(jsm, wanted);
        LOG.info("updated stream {} to {}", EventStreamSpec.NAME, spec);
      }
      // nats-server 2.9 accepts and silently drops settings it does not know: check what it kept.
      if (!spec.isSatisfiedBy(info.getConfiguration())) {
        throw new StreamProvisioningException(
            "the broker did not apply "
                + spec
                + " to stream "
                + EventStreamSpec.NAME
                + "; it reports "
                + info.getConfiguration().toJson());
      }
      return info;
    } catch (JetStreamApiException e) {
      throw new StreamProvisioningException(
          "the broker refused stream " + EventStreamSpec.NAME + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new StreamProvisioningException(
          "cannot reach JetStream to provision " + EventStreamSpec.NAME + ": " + e, e);
    }
  }

  /**
   * Creates the {@code COMMANDS} work-queue stream, or updates it when its settings differ (a
   * retention policy cannot change: the broker refuses it, which is reported).
   *
   * @throws StreamProvisioningException if the broker refuses it or ignores some setting
   */
  public static StreamInfo provisionCommands(Connection tenant, CommandStreamSpec spec) {
    String name = CommandStreamSpec.NAME;
    try {
      JetStreamManagement jsm = tenant.jetStreamManagement();
      StreamInfo info = existing(jsm, name);
      if (info == null) {
        info = createWithRetry(jsm, spec.toConfiguration());
        LOG.info("created stream {}", name);
      } else if (!spec.isSatisfiedBy(info.getConfiguration())) {
        info = update(jsm, spec.toConfiguration());
      }
      if (!spec.isSatisfiedBy(info.getConfiguration())) {
        throw new StreamProvisioningException(
            "the broker did not apply " + spec + " to stream " + name);
      }
      return info;
    } catch (JetStreamApiException e) {
      throw new StreamProvisioningException(
          "the broker refused stream " + name + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new StreamProvisioningException("cannot reach JetStream to provision " + name, e);
    }
  }

  private static StreamInfo update(JetStreamManagement jsm, StreamConfiguration wanted)
      throws IOException, JetStreamApiException {
    try {
      return jsm.updateStream(wanted);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == INSUFFICIENT_STORAGE) {
        throw shortOf(wanted, e);
      }
      throw e;
    }
  }

  private static InsufficientStorageException shortOf(
      StreamConfiguration wanted, JetStreamApiException e) {
    return new InsufficientStorageException(
        wanted.getName(), wanted.getStorageType() == StorageType.Memory, wanted.getMaxBytes(), e);
  }

  private static StreamInfo existing(JetStreamManagement jsm, String name)
      throws IOException, JetStreamApiException {
    try {
      return jsm.getStreamInfo(name);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private static StreamInfo createWithRetry(JetStreamManagement jsm, StreamConfiguration wanted)
      throws IOException, JetStreamApiException {
    try {
      return jsm.addStream(wanted);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == INSUFFICIENT_STORAGE) {
        throw shortOf(wanted, e);
      }
      if (e.getApiErrorCode() != ERROR_CREATING_STORE) {
        throw e;
      }
      LOG.warn(
          "stream {} create failed with 10049 (error creating store); retrying once",
          wanted.getName());
      return jsm.addStream(wanted);
    }
  }
}
