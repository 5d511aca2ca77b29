package dev.gamingapi.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.app.OperatorSetup;
import dev.gamingapi.server.store.TestDatabase;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.testkit.NatsCluster;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two platform instances ({@code a}, then {@code b}) in child JVMs, sharing one data directory (the
 * operator token and the default tenant's creds files written by the first) and one database
 * (PostgreSQL when {@code GAMINGAPI_TEST_DATABASE_URL} is set, else the SQLite file in the data
 * directory), against a 3-node cluster whose nodes all include the {@code operator.conf} of {@code
 * gamingapi init}.
 */
final class TwoInstances implements AutoCloseable {
  static final String LEASE_TTL = "PT6S";

  final Path dataDir;
  final NatsCluster cluster;
  final TestDatabase database;
  private final Path operatorDir;
  private final Map<String, Process> children = new LinkedHashMap<>();
  private final Map<String, Api> apis = new LinkedHashMap<>();
  private Connection sql;

  TwoInstances(Path tmp) throws Exception {
    operatorDir = tmp.resolve("operator");
    OperatorSetup.ensure(operatorDir);
    // nats-server resolves an include against the including file's directory, even an absolute
    // path: each node's config lives in tmp/cluster/node-N.
    String brokerConfig =
        """
        include "../../operator/%s"
        resolver { type: full, dir: "jwt", allow_delete: true, interval: "2m", timeout: "1.9s" }
        """
            .formatted(OperatorSetup.BROKER_INCLUDE);
    cluster = NatsCluster.start(3, tmp.resolve("cluster"), brokerConfig);
    dataDir = tmp.resolve("data");
    database =
        System.getenv(TestDatabase.ENV) == null ? TestDatabase.sqlite() : TestDatabase.postgres();
    start("a");
    start("b");
  }

  private void start(String id) throws Exception {
    String url = database.url();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                InstanceChild.class.getName(),
                dataDir.toString(),
                url == null ? "-" : url,
                cluster.url(),
                operatorDir.toString(),
                id,
                LEASE_TTL)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    // Webhooks to the tests' local endpoint (loopback, plain http).
    builder.environment().put("GAMINGAPI_NOTIFY_ALLOW_PRIVATE", "true");
    Process child = builder.start();
    children.put(id, child);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String ready = out.readLine();
    while (ready != null && !ready.startsWith("READY ")) {
      ready = out.readLine(); // the child's log lines
    }
    assertThat(ready).as("instance %s did not start", id).startsWith("READY ");
    String token = Files.readString(dataDir.resolve("operator.token")).strip();
    apis.put(id, new Api(ready.split(" ")[1], token));
    // Keep draining its output (so that it never blocks on a full pipe) into target/, where a
    // failed run can be read.
    Path log = Path.of("target", "instance-" + id + ".log");
    Thread.ofVirtual()
        .start(
            () -> {
              try (var writer = Files.newBufferedWriter(log)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  writer.write(line);
                  writer.newLine();
                  writer.flush();
                }
              } catch (java.io.IOException e) {
                // the child is gone
              }
            });
  }

  Api api(String id) {
    return apis.get(id);
  }

  /** The other instance's id. */
  static String other(String id) {
    return id.equals("a") ? "b" : "a";
  }

  /** Kills instance {@code id} with SIGKILL: no close, no lease released. */
  void kill(String id) throws InterruptedException {
    children.get(id).destroyForcibly().waitFor();
  }

  /**
   * The holder of lease {@code name}, or null when nobody holds it ({@code onlyUnexpired}: or when
   * it has expired). One connection, kept open, so that polling is fast.
   */
  synchronized String holder(String name, boolean onlyUnexpired) throws Exception {
    if (sql == null) {
      String url =
          database.url() != null
              ? database.url()
              : "jdbc:sqlite:" + dataDir.resolve("gamingapi.db");
      sql = DriverManager.getConnection(url);
    }
    try (PreparedStatement query =
        sql.prepareStatement("SELECT holder, expires_at FROM leases WHERE name = ?")) {
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        boolean live = row.getLong(2) > System.currentTimeMillis();
        return onlyUnexpired && !live ? null : row.getString(1);
      }
    }
  }

  /** The holders of the unexpired leases whose name starts with {@code prefix}, one per lease. */
  synchronized java.util.List<String> holders(String prefix) throws Exception {
    holder("none", false); // opens the connection
    try (PreparedStatement query =
        sql.prepareStatement(
            "SELECT holder FROM leases WHERE name LIKE ? AND expires_at > ? ORDER BY name")) {
      query.setString(1, prefix + "%");
      query.setLong(2, System.currentTimeMillis());
      java.util.List<String> holders = new java.util.ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          holders.add(rows.getString(1));
        }
      }
      return holders;
    }
  }

  Path ownerCreds() {
    return dataDir.resolve("creds/owner.creds");
  }

  @Override
  public void close() throws Exception {
    if (sql != null) {
      sql.close();
    }
    for (Process child : children.values()) {
      child.destroyForcibly().waitFor();
    }
    cluster.close();
    database.close();
  }
}
