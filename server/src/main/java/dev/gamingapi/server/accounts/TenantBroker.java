package dev.gamingapi.server.accounts;

import dev.gamingapi.server.accounts.plans.Plan;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.BrokerException;
import dev.gamingapi.server.broker.CommandStreamSpec;
import dev.gamingapi.server.broker.EventStreamSpec;
import dev.gamingapi.server.broker.StreamProvisioner;
import dev.gamingapi.server.jwt.CredsIssuer;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AccountStatistics;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The platform's JetStream work inside tenant accounts: provisioning the streams, reading usage,
 * deleting the streams of a deleted account. Each call connects as a short-lived internal user of
 * the account, never written anywhere, because streams belong to the account of the connection that
 * creates them.
 */
public final class TenantBroker {
  private final String url;
  private final Duration duplicateWindow;
  private final int replicas;

  /**
   * @param url the broker's client URL
   * @param duplicateWindow the {@code EVENTS} stream's de-duplication window
   * @param replicas the streams' replicas (1 on a single node, 3 on a cluster)
   */
  public TenantBroker(String url, Duration duplicateWindow, int replicas) {
    this.url = url;
    this.duplicateWindow = duplicateWindow;
    this.replicas = replicas;
  }

  /**
   * Creates or updates the account's streams ({@code EVENTS}, {@code COMMANDS}) for {@code plan}.
   */
  public StreamInfo provision(CredsIssuer account, Plan plan) {
    EventStreamSpec spec =
        new EventStreamSpec(duplicateWindow, plan.eventMaxAge(), plan.eventMaxBytes(), replicas);
    CommandStreamSpec commands = new CommandStreamSpec(duplicateWindow, replicas);
    return as(
        account,
        "provisioning",
        tenant -> {
          StreamInfo events = StreamProvisioner.provisionEvents(tenant, spec);
          StreamProvisioner.provisionCommands(tenant, commands);
          return events;
        });
  }

  /** The replicas of the account's streams. */
  int replicas() {
    return replicas;
  }

  /** Bytes, streams and consumers the account uses, as JetStream counts them. */
  AccountStatistics statistics(CredsIssuer account) {
    return as(
        account,
        "usage",
        tenant -> {
          try {
            return tenant.jetStreamManagement().getAccountStatistics();
          } catch (IOException | JetStreamApiException e) {
            throw new BrokerException("cannot read the account's JetStream usage", e);
          }
        });
  }

  /** Deletes every stream of the account (and so its consumers and data). */
  void deleteStreams(CredsIssuer account) {
    as(
        account,
        "deletion",
        tenant -> {
          try {
            JetStreamManagement jsm = tenant.jetStreamManagement();
            List<String> names = jsm.getStreamNames();
            for (String name : names) {
              jsm.deleteStream(name);
            }
            return names;
          } catch (IOException | JetStreamApiException e) {
            throw new BrokerException("cannot delete the account's streams", e);
          }
        });
  }

  private <T> T as(CredsIssuer account, String purpose, Function<Connection, T> work) {
    Connection tenant =
        BrokerConnections.connect(
            url,
            account.internal(purpose, Duration.ofMinutes(5)).authHandler(),
            "gamingapi-" + purpose,
            false);
    try {
      return work.apply(tenant);
    } finally {
      BrokerConnections.closeQuietly(tenant);
    }
  }
}
