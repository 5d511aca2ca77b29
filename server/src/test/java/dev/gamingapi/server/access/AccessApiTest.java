package dev.gamingapi.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.sdk.EventReader;
import dev.gamingapi.sdk.ReadRequest;
import dev.gamingapi.sdk.ReplayStream;
import dev.gamingapi.sdk.StoredEvent;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.Subscription;
import io.nats.client.api.ConsumerConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may do what: tenants against each other, and each kind of user inside its tenant. */
@OnEachDatabase
class AccessApiTest extends PlatformPerClass {
  @Test
  void tenantsCannotReachEachOtherOverRestOrNats() throws Exception {
    fixture.account("red", "standard");
    fixture.account("blue", "standard");
    PlatformFixture.Issued red = fixture.user("red", "{\"name\":\"o\",\"kind\":\"owner\"}");
    PlatformFixture.Issued blue = fixture.user("blue", "{\"name\":\"o\",\"kind\":\"owner\"}");

    for (String path :
        List.of(
            "/api/v1/accounts/blue",
            "/api/v1/accounts/blue/users",
            "/api/v1/accounts/blue/usage",
            "/api/v1/accounts/blue/servers",
            "/api/v1/accounts/blue/audit",
            "/api/v1/accounts/blue/users/o")) {
      Api.Response response = red.api().get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      // The same answer as for an account that does not exist: red learns nothing about blue.
      assertThat(response.json().path("detail").asText())
          .as(path)
          .isEqualTo("account 'blue' does not exist");
    }
    assertThat(red.api().post("/api/v1/accounts/blue/servers", "{\"id\":\"x\"}").status())
        .isEqualTo(404);
    assertThat(red.api().delete("/api/v1/accounts/blue/users/o").status()).isEqualTo(404);

    try (PlatformFixture.Client redClient = fixture.connect(red, null);
        PlatformFixture.Client blueClient = fixture.connect(blue, null)) {
      Subscription sniffer = redClient.connection().subscribe(">");
      redClient.connection().flush(Duration.ofSeconds(2));
      blueClient
          .connection()
          .jetStream()
          .publish("v1.servers.b1.events.server.started", "{}".getBytes());
      // Red's account also carries the platform's own JetStream API calls for red (its consumer
      // checks) and their replies: what must never show up is an event, blue's or any.
      List<String> seen = new ArrayList<>();
      for (Message m = sniffer.nextMessage(Duration.ofMillis(300));
          m != null;
          m = sniffer.nextMessage(Duration.ofMillis(300))) {
        seen.add(m.getSubject());
      }
      assertThat(seen).noneMatch(subject -> subject.startsWith("v1."));
      // Red's EVENTS stream is its own: blue's event is not in it.
      assertThat(
              redClient
                  .connection()
                  .jetStreamManagement()
                  .getStreamInfo("EVENTS")
                  .getStreamState()
                  .getMsgCount())
          .isZero();
    }
  }

  @Test
  void aGameServerPublishesOnlyItsOwnEventsAndReadsOnlyItsOwnServer() throws Exception {
    fixture.account("green", "standard");
    fixture.server("green", "s1");
    fixture.server("green", "s2");
    PlatformFixture.Issued s1 =
        fixture.user("green", "{\"name\":\"s1-host\",\"kind\":\"game_server\",\"server\":\"s1\"}");
    try (PlatformFixture.Client client = fixture.connect(s1, "_INBOX_s1")) {
      assertThat(
              client
                  .connection()
                  .jetStream()
                  .publish("v1.servers.s1.events.server.started", "{}".getBytes())
                  .getSeqno())
          .isPositive();
      client.connection().publish("v1.servers.s2.events.server.started", "{}".getBytes());
      client.connection().flush(Duration.ofSeconds(2));
      await().atMost(Duration.ofSeconds(2)).until(() -> !client.errors().isEmpty());
      assertThat(client.errors().get(0))
          .contains("Permissions Violation")
          .contains("v1.servers.s2");
    }
    assertThat(s1.api().get("/api/v1/accounts/green/servers/s1").status()).isEqualTo(200);
    assertThat(s1.api().get("/api/v1/accounts/green/servers/s2").status()).isEqualTo(403);
    assertThat(s1.api().get("/api/v1/accounts/green/users").status()).isEqualTo(403);
  }

  @Test
  void anAppReadsOnlyWhatItWasGrantedAndPublishesNothing() throws Exception {
    fixture.account("teal", "standard");
    fixture.server("teal", "s1");
    fixture.server("teal", "s2");
    PlatformFixture.Issued owner = fixture.user("teal", "{\"name\":\"o\",\"kind\":\"owner\"}");
    try (PlatformFixture.Client client = fixture.connect(owner, null)) {
      var js = client.connection().jetStream();
      js.publish(
          "v1.servers.s1.events.server.started",
          headers("e1", "server.started", "s1"),
          "{\"game\":\"g\",\"map\":\"m\",\"version\":\"1\",\"max_players\":1}".getBytes());
      js.publish(
          "v1.servers.s2.events.server.started",
          headers("e2", "server.started", "s2"),
          "{\"game\":\"g\",\"map\":\"m\",\"version\":\"1\",\"max_players\":1}".getBytes());
    }
    PlatformFixture.Issued app =
        fixture.user("teal", "{\"name\":\"stats\",\"kind\":\"app\",\"servers\":[\"s1\"]}");

    // Replay through the SDK: its consumers are created on the filter subject, which the app's
    // credential allows for s1 only. (A server-wide read without a type needs the filter '>',
    // which nats-server 2.9 cannot narrow to one server: not available to a restricted app yet.)
    try (EventReader reader = EventReader.connect(fixture.brokerUrl(), app.creds())) {
      List<StoredEvent> events = new ArrayList<>();
      try (ReplayStream stream =
          reader.replay(ReadRequest.fromStart(new EventFilter("s1", null, "server.started")))) {
        stream.forEach(events::add);
      }
      assertThat(events).extracting(StoredEvent::serverId).containsExactly("s1");
      assertThatThrownBy(
              () ->
                  reader
                      .replay(ReadRequest.fromStart(new EventFilter("s2", null, "server.started")))
                      .close())
          .isInstanceOf(dev.gamingapi.sdk.GamingApiException.class);
    }
    PlatformFixture.Issued everything =
        fixture.user("teal", "{\"name\":\"all-seeing\",\"kind\":\"app\"}");
    try (EventReader reader = EventReader.connect(fixture.brokerUrl(), everything.creds());
        ReplayStream stream = reader.replay(ReadRequest.fromStart(EventFilter.ALL))) {
      List<String> servers = new ArrayList<>();
      stream.forEach(event -> servers.add(event.serverId()));
      assertThat(servers).containsExactly("s1", "s2");
    }
    try (PlatformFixture.Client client = fixture.connect(app, "_APP_INBOX_stats")) {
      Connection connection = client.connection();
      Subscription allowed = connection.subscribe("v1.servers.s1.>");
      connection.subscribe("v1.servers.s2.>");
      connection.flush(Duration.ofSeconds(2));
      await()
          .atMost(Duration.ofSeconds(2))
          .until(() -> client.errors().stream().anyMatch(e -> e.contains("v1.servers.s2")));
      try (PlatformFixture.Client ownerClient = fixture.connect(owner, null)) {
        ownerClient.connection().publish("v1.servers.s1.events.custom.live", "{}".getBytes());
        ownerClient.connection().flush(Duration.ofSeconds(2));
      }
      assertThat(allowed.nextMessage(Duration.ofSeconds(2))).isNotNull();
      for (String filter : List.of("v1.servers.s2.>", "v1.servers.>")) {
        assertThatThrownBy(
                () ->
                    connection
                        .jetStream()
                        .subscribe(
                            filter,
                            PushSubscribeOptions.builder().stream("EVENTS")
                                .configuration(ConsumerConfiguration.builder().name("peek").build())
                                .build()))
            .as(filter)
            .isInstanceOfAny(
                JetStreamApiException.class,
                java.io.IOException.class,
                IllegalStateException.class);
      }
      connection.publish("v1.servers.s1.events.server.started", "{}".getBytes());
      connection.flush(Duration.ofSeconds(2));
      await()
          .atMost(Duration.ofSeconds(2))
          .until(() -> client.errors().stream().anyMatch(e -> e.contains("Permissions Violation")));
    }
    assertThat(app.api().get("/api/v1/accounts/teal/servers").status()).isEqualTo(200);
    assertThat(app.api().post("/api/v1/accounts/teal/servers", "{\"id\":\"s3\"}").status())
        .isEqualTo(403);
    assertThat(app.api().get("/api/v1/accounts/teal/users").status()).isEqualTo(403);
  }

  private static io.nats.client.impl.Headers headers(String id, String type, String server) {
    return new io.nats.client.impl.Headers()
        .put("ce-specversion", "1.0")
        .put("ce-id", id)
        .put("ce-source", "/servers/" + server)
        .put("ce-type", type)
        .put("ce-time", "2026-11-24T10:00:00Z")
        .put("content-type", "application/json")
        .put("Nats-Msg-Id", id);
  }

  @Test
  void revokingAUserCutsItsConnectionsAndItsTokenWithinASecond() throws Exception {
    fixture.account("violet", "standard");
    PlatformFixture.Issued owner = fixture.user("violet", "{\"name\":\"o\",\"kind\":\"owner\"}");
    try (PlatformFixture.Client client = fixture.connect(owner, null)) {
      assertThat(owner.api().get("/api/v1/accounts/violet").status()).isEqualTo(200);
      long start = System.nanoTime();
      assertThat(fixture.operator.delete("/api/v1/accounts/violet/users/o").status())
          .isEqualTo(204);
      await()
          .atMost(Duration.ofSeconds(1))
          .until(() -> client.connection().getStatus() != Connection.Status.CONNECTED);
      assertThat(owner.api().get("/api/v1/accounts/violet").status()).isEqualTo(401);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
    assertThatThrownBy(() -> fixture.connect(owner, null)).hasMessageContaining("Authorization");
    assertThat(
            fixture
                .operator
                .get("/api/v1/accounts/violet/users/o")
                .json()
                .path("revoked_at")
                .isNull())
        .isFalse();
    assertThat(fixture.operator.delete("/api/v1/accounts/violet/users/o").status()).isEqualTo(409);
  }

  @Test
  void rotatingIssuesNewCredentialsAndRevokesTheOldOnes() throws Exception {
    fixture.account("amber", "standard");
    PlatformFixture.Issued old = fixture.user("amber", "{\"name\":\"o\",\"kind\":\"owner\"}");
    try (PlatformFixture.Client client = fixture.connect(old, null)) {
      Api.Response rotated = fixture.operator.post("/api/v1/accounts/amber/users/o/rotate", null);
      assertThat(rotated.status()).isEqualTo(200);
      PlatformFixture.Issued fresh = fixture.issued(rotated.json());
      assertThat(fresh.token()).isNotEqualTo(old.token());
      await()
          .atMost(Duration.ofSeconds(1))
          .until(() -> client.connection().getStatus() != Connection.Status.CONNECTED);
      assertThat(old.api().get("/api/v1/accounts/amber").status()).isEqualTo(401);
      assertThat(fresh.api().get("/api/v1/accounts/amber").status()).isEqualTo(200);
      JsonNode users = fresh.api().get("/api/v1/accounts/amber/users").json().path("items");
      assertThat(users).hasSize(1);
      assertThat(users.get(0).path("nats_public_key").asText())
          .isEqualTo(rotated.json().path("user").path("nats_public_key").asText())
          .isNotEqualTo(old.name());
      try (PlatformFixture.Client again = fixture.connect(fresh, null)) {
        assertThat(again.connection().getStatus()).isEqualTo(Connection.Status.CONNECTED);
      }
    }
  }

  @Test
  void anExpiredUserIsRefused() throws Exception {
    fixture.account("brief", "standard");
    String expires =
        java.time.Instant.now()
            .plusSeconds(2)
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString();
    PlatformFixture.Issued owner =
        fixture.user(
            "brief", "{\"name\":\"o\",\"kind\":\"owner\",\"expires_at\":\"" + expires + "\"}");
    assertThat(owner.api().get("/api/v1/accounts/brief").status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> owner.api().get("/api/v1/accounts/brief").status() == 401);
    assertThatThrownBy(() -> fixture.connect(owner, null)).isInstanceOf(Exception.class);
    Api.Response past =
        fixture.operator.post(
            "/api/v1/accounts/brief/users",
            "{\"name\":\"late\",\"kind\":\"owner\",\"expires_at\":\"2020-01-01T00:00:00Z\"}");
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.json().path("errors").get(0).path("field").asText()).isEqualTo("expires_at");
    Api.Response garbled =
        fixture.operator.post(
            "/api/v1/accounts/brief/users",
            "{\"name\":\"late\",\"kind\":\"owner\",\"expires_at\":\"next tuesday\"}");
    assertThat(garbled.status()).isEqualTo(400);
    assertThat(garbled.json().path("detail").asText())
        .isEqualTo("expires_at must be an RFC 3339 time like 2027-01-01T00:00:00Z");
  }
}
