package dev.gamingapi.server.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.server.jwt.CredsIssuer;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts an account's open client connections through the system account ({@code
 * $SYS.REQ.ACCOUNT.<id>.CONNZ}). The account JWT's own connection limit stays unlimited because of
 * a nats-server 2.9 bug (see {@code AccountClaims}), so this count is what the platform reports
 * against the plan.
 */
public final class ConnectionCounter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionCounter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection system;
  private final Duration timeout;

  /** Asks over {@code system}, a connection of the platform's system-account user. */
  public ConnectionCounter(Connection system, Duration timeout) {
    this.system = system;
    this.timeout = timeout;
  }

  /**
   * Open connections of account {@code accountPublicKey}, or -1 when the broker does not say. The
   * platform's own connections inside the tenant (its internal users, whose JWT name starts with
   * {@code "platform "} and which only the platform can sign) are not the tenant's and are left
   * out: a capability that keeps a connection per tenant (e.g. command tracking) must not eat its
   * quota.
   */
  public long count(String accountPublicKey) {
    try {
      Message reply =
          system
              .request(
                  "$SYS.REQ.ACCOUNT." + accountPublicKey + ".CONNZ",
                  "{\"auth\":true,\"limit\":1024}".getBytes())
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      JsonNode data = JSON.readTree(reply.getData()).path("data");
      // "total" counts every connection; "num_connections" only those on this reply's page.
      long total =
          data.has("total") ? data.path("total").asLong() : data.path("num_connections").asLong(-1);
      long platform = 0;
      for (JsonNode connection : data.path("connections")) {
        if (connection.path("name_tag").asText("").startsWith(CredsIssuer.INTERNAL_USER_PREFIX)) {
          platform++;
        }
      }
      return total < 0 ? -1 : total - platform;
    } catch (IOException | ExecutionException | TimeoutException e) {
      LOG.warn("cannot count the connections of account {}: {}", accountPublicKey, e.toString());
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
