package dev.gamingapi.sdk;

import dev.gamingapi.testkit.EventStreams;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.support.JwtUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real nats-server in operator mode (full resolver) with one tenant account holding the EVENTS
 * stream, where a test can issue user credentials (optionally expiring) and revoke them the way the
 * platform does: by pushing the account JWT with the user key in its revocations.
 */
final class OperatorBroker implements AutoCloseable {
  private static final String LIMITS =
      "\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,\"exports\":-1,"
          + "\"wildcards\":true,\"conn\":-1,\"leaf\":-1,\"mem_storage\":%d,\"disk_storage\":%d,"
          + "\"streams\":-1,\"consumer\":-1,\"max_ack_pending\":-1}";

  private final Path dir;
  private final NKey operator;
  private final NKey tenant;
  private final Path systemCreds;
  private final NatsServerProcess process;

  private OperatorBroker(Path dir) throws Exception {
    this.dir = dir;
    this.operator = NKey.createOperator(null);
    NKey system = NKey.createAccount(null);
    this.tenant = NKey.createAccount(null);
    String systemId = key(system);
    String operatorJwt =
        sign(
            operator,
            key(operator),
            "test-operator",
            "{\"system_account\":\"" + systemId + "\",\"type\":\"operator\",\"version\":2}");
    this.systemCreds = creds(system, "sys", null, "sys");
    String config =
        """
        operator: "%s"
        system_account: %s
        resolver { type: full, dir: "jwt", allow_delete: false, interval: "2m", timeout: "1.9s" }
        resolver_preload { %s: %s, %s: %s }
        """
            .formatted(
                operatorJwt,
                systemId,
                systemId,
                account(system, "SYS", 0, ""),
                key(tenant),
                account(tenant, "tenant", -1, ""));
    this.process = NatsServerProcess.start(NatsServerProcess.tempDir(), FreePorts.next(), config);
    try (Connection connection = Nats.connect(options(creds(tenant, "admin", null, "admin")))) {
      connection.jetStreamManagement().addStream(EventStreams.configuration());
    }
  }

  static OperatorBroker start(Path dir) throws Exception {
    return new OperatorBroker(dir);
  }

  String url() {
    return process.url();
  }

  /** A game server's creds file (tag {@code server:<id>}), expiring after {@code ttl} if set. */
  Path serverCreds(String serverId, Duration ttl) throws Exception {
    return creds(tenant, serverId, ttl, "server:" + serverId);
  }

  /**
   * A creds file without a server tag that may publish events of {@code serverId} only (and use the
   * JetStream API): events of any other server are a {@code Permissions Violation}.
   */
  Path credsPublishingOnlyAs(String serverId) throws Exception {
    NKey user = NKey.createUser(null);
    JwtUtils.UserClaim claim =
        new JwtUtils.UserClaim(key(tenant))
            .pub(new JwtUtils.Permission().allow("v1.servers." + serverId + ".>", "$JS.API.>"))
            .subs(-1)
            .data(-1)
            .payload(-1);
    String jwt =
        JwtUtils.issueUserJWT(
            tenant, key(user), "only-" + serverId, null, JwtUtils.currentTimeSeconds(), claim);
    return Files.writeString(
        dir.resolve("only-" + serverId + ".creds"),
        String.format(JwtUtils.NATS_USER_JWT_FORMAT, jwt, new String(user.getSeed())));
  }

  /** Revokes every credential of the tenant issued up to now, as the platform's revoke does. */
  void revoke(Path credsFile) throws Exception {
    String jwt = Files.readAllLines(credsFile).get(1).strip();
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    String user = payload.replaceAll(".*\"sub\":\"(U[A-Z0-9]+)\".*", "$1");
    long now = Instant.now().getEpochSecond();
    String revocations = ",\"revocations\":{\"" + user + "\":" + now + "}";
    try (Connection connection = Nats.connect(options(systemCreds))) {
      Message reply =
          connection.request(
              "$SYS.REQ.CLAIMS.UPDATE",
              account(tenant, "tenant", -1, revocations).getBytes(StandardCharsets.UTF_8),
              Duration.ofSeconds(5));
      String answer = new String(reply.getData(), StandardCharsets.UTF_8);
      if (!answer.contains("\"code\":200")) {
        throw new AssertionError("claims update refused: " + answer);
      }
    }
  }

  /** How many clients of the tenant account are connected (the system account's view). */
  long tenantConnections() throws Exception {
    try (Connection connection = Nats.connect(options(systemCreds))) {
      Message reply =
          connection.request(
              "$SYS.REQ.ACCOUNT." + key(tenant) + ".CONNZ", new byte[0], Duration.ofSeconds(2));
      String answer = new String(reply.getData(), StandardCharsets.UTF_8);
      return Long.parseLong(answer.replaceAll("(?s).*\"num_connections\":(\\d+).*", "$1"));
    }
  }

  private Options options(Path creds) {
    return Options.builder().server(url()).authHandler(Nats.credentials(creds.toString())).build();
  }

  private Path creds(NKey account, String name, Duration ttl, String tag) throws Exception {
    NKey user = NKey.createUser(null);
    String jwt = JwtUtils.issueUserJWT(account, key(account), key(user), name, ttl, tag);
    return Files.writeString(
        dir.resolve(name + "-" + System.nanoTime() + ".creds"),
        String.format(JwtUtils.NATS_USER_JWT_FORMAT, jwt, new String(user.getSeed())));
  }

  private String account(NKey account, String name, long storage, String extra) throws Exception {
    return sign(
        operator,
        key(account),
        name,
        "{" + LIMITS.formatted(storage, storage) + extra + ",\"type\":\"account\",\"version\":2}");
  }

  private static String sign(NKey signer, String subject, String name, String body)
      throws Exception {
    return JwtUtils.issueJWT(
        signer, subject, name, null, Instant.now().getEpochSecond(), key(signer), () -> body);
  }

  private static String key(NKey key) throws Exception {
    return new String(key.getPublicKey());
  }

  @Override
  public void close() {
    process.close();
  }
}
