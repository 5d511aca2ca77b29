package dev.gamingapi.agent;

import dev.gamingapi.contract.cloudevents.CloudEventHeaders;
import dev.gamingapi.testkit.EventStreams;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.support.JwtUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real nats-server with the platform's EVENTS stream, where each game server is a user of its own
 * (an nkey allowed to publish under {@code v1.servers.<id>.} only), and an admin user reads what
 * was stored.
 */
public final class TestBroker implements AutoCloseable {
  private final NatsServerProcess process;

  private TestBroker(NatsServerProcess process) {
    this.process = process;
  }

  /** A broker with one user per server id; each user's creds file is written to {@code dir}. */
  public static TestBroker start(Path dir, String... serverIds) throws Exception {
    StringBuilder users = new StringBuilder("authorization { users: [\n");
    users.append("  { user: admin, password: admin }\n");
    for (String id : serverIds) {
      NKey user = NKey.createUser(null);
      NKey account = NKey.createAccount(null);
      String jwt =
          JwtUtils.issueUserJWT(
              account,
              new String(account.getPublicKey()),
              new String(user.getPublicKey()),
              id,
              null,
              "server:" + id);
      Files.writeString(
          dir.resolve(id + ".creds"),
          String.format(JwtUtils.NATS_USER_JWT_FORMAT, jwt, new String(user.getSeed())));
      users
          .append("  { nkey: ")
          .append(new String(user.getPublicKey()))
          .append(", permissions: { publish: [\"v1.servers.")
          .append(id)
          .append(".>\", \"$JS.API.>\"], subscribe: [\"_INBOX_")
          .append(id)
          .append(".>\"] } }\n");
    }
    users.append("] }\n");
    NatsServerProcess process =
        NatsServerProcess.start(NatsServerProcess.tempDir(), FreePorts.next(), users.toString());
    TestBroker broker = new TestBroker(process);
    try (Connection connection = broker.connect()) {
      addEvents(connection);
    }
    return broker;
  }

  /** Creates the EVENTS stream on a broker without auth. */
  public static void createEvents(String url) throws Exception {
    try (Connection connection = Nats.connect(url)) {
      addEvents(connection);
    }
  }

  private static void addEvents(Connection connection) throws Exception {
    connection.jetStreamManagement().addStream(EventStreams.configuration());
  }

  public String url() {
    return process.url();
  }

  private Connection connect() throws Exception {
    return Nats.connect(Options.builder().server(url()).userInfo("admin", "admin").build());
  }

  /** How many events the stream holds. */
  public long count() throws Exception {
    try (Connection connection = connect()) {
      return connection
          .jetStreamManagement()
          .getStreamInfo("EVENTS")
          .getStreamState()
          .getMsgCount();
    }
  }

  /**
   * One stored event as text: {@code subject ce-id body}.
   *
   * @return every stored event, in stream order
   */
  public List<Stored> stored() throws Exception {
    try (Connection connection = connect()) {
      return read(connection);
    }
  }

  /** Every event stored on a broker without auth, in stream order. */
  public static List<Stored> storedIn(String url) throws Exception {
    try (Connection connection = Nats.connect(url)) {
      return read(connection);
    }
  }

  private static List<Stored> read(Connection connection) throws Exception {
    {
      long count =
          connection.jetStreamManagement().getStreamInfo("EVENTS").getStreamState().getMsgCount();
      List<Stored> stored = new ArrayList<>();
      JetStreamSubscription subscription =
          connection
              .jetStream()
              .subscribe(
                  null, PushSubscribeOptions.builder().stream("EVENTS").ordered(true).build());
      while (stored.size() < count) {
        Message message = subscription.nextMessage(Duration.ofSeconds(10));
        if (message == null) {
          throw new AssertionError("stream read stalled after " + stored.size() + " of " + count);
        }
        stored.add(
            new Stored(
                message.getSubject(),
                message.getHeaders().getFirst(CloudEventHeaders.ID),
                new String(message.getData(), StandardCharsets.UTF_8)));
      }
      subscription.unsubscribe();
      return stored;
    }
  }

  /** A stored event: its subject, id and body. */
  public record Stored(String subject, String id, String body) {}

  @Override
  public void close() {
    process.close();
  }
}
