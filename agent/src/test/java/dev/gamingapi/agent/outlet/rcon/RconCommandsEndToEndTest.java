package dev.gamingapi.agent.outlet.rcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.agent.outlet.CommandOutlet;
import dev.gamingapi.agent.outlet.Outlets;
import dev.gamingapi.agent.outlet.RconGame;
import dev.gamingapi.agent.outlet.RconSettings;
import dev.gamingapi.agent.outlet.Secret;
import dev.gamingapi.agent.outlet.rcon.TestRconServer.Dialect;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.command.CommandMessage;
import dev.gamingapi.contract.event.CommandExpired;
import dev.gamingapi.contract.event.CommandFailed;
import dev.gamingapi.contract.event.CommandSucceeded;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.sdk.CommandReceiver;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.testkit.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands from the broker to a game server's RCON through the SDK's receiver, as the agent wires
 * them: ordering, retries, failure reports and expiry come from the SDK, the console from the
 * outlet. Each test uses a server id of its own on one broker.
 */
class RconCommandsEndToEndTest {
  private static TestBroker broker;
  @TempDir Path dir;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = new TestBroker();
  }

  @AfterAll
  static void stopBroker() throws InterruptedException {
    broker.close();
  }

  @Test
  void commandsSentWhileRconIsDownRunInOrderOnceItIsUp() throws Exception {
    String server = "down-then-up";
    int port = FreePorts.next(); // nothing listens: the game server is down
    CommandMessage kick = command("kick", "{\"player_id\":\"7656\"}", null);
    CommandMessage say = command("broadcast", "{\"text\":\"Restarting soon\"}", null);
    CommandMessage map = command("change_map", "{\"map\":\"de_dust2\"}", null);
    try (Agent agent = new Agent(server, port, 20)) {
      broker.send(server, kick);
      broker.send(server, say);
      broker.send(server, map);
      await().until(() -> broker.deliveries(server) >= 2); // the first one failed at least once

      try (TestRconServer rcon = TestRconServer.start(Dialect.SOURCE, "s3cret", port)) {
        await().until(() -> broker.events(server, "command.succeeded").size() >= 3);

        assertThat(rcon.received())
            .containsExactly("kickid 7656", "say Restarting soon", "changelevel de_dust2");
      }
    }
    List<Event> succeeded = broker.events(server, "command.succeeded");
    assertThat(succeeded)
        .extracting(event -> ((CommandSucceeded) event.data()).commandId())
        .containsExactly(kick.commandId(), say.commandId(), map.commandId());
    assertThat(((CommandSucceeded) succeeded.getFirst().data()).output())
        .isEqualTo(json("{\"console\":\"ran kickid 7656\"}"));
    assertThat(broker.events(server, "command.failed")).isEmpty();
  }

  @Test
  void aWrongPasswordFailsTheCommandWithTheReasonAfterTheAllowedAttempts() throws Exception {
    String server = "wrong-password";
    try (TestRconServer rcon = TestRconServer.start(Dialect.SOURCE, "another");
        Agent agent = new Agent(server, rcon.port(), 3)) {
      broker.send(server, command("kick", "{\"player_id\":\"7656\"}", null));

      await().until(() -> !broker.events(server, "command.failed").isEmpty());

      CommandFailed failed = (CommandFailed) broker.events(server, "command.failed").get(0).data();
      assertThat(failed.error())
          .isEqualTo(
              "RCON authentication failed at 127.0.0.1:" + rcon.port() + " (wrong password?)");
      assertThat(failed.attempts()).isEqualTo(3);
      assertThat(rcon.connections()).isEqualTo(3);
      assertThat(rcon.received()).isEmpty();
    }
  }

  @Test
  void aConsoleThatNeverAnswersFailsTheCommandWithTheTimeoutAfterTheAllowedAttempts()
      throws Exception {
    String server = "stalled";
    CommandMessage kick = command("kick", "{\"player_id\":\"7656\"}", null);
    try (TestRconServer rcon = TestRconServer.start(Dialect.SOURCE, "s3cret");
        Agent agent = new Agent(server, rcon.port(), 2, Duration.ofMillis(200))) {
      rcon.stall = true; // authenticates, then answers nothing: a hung game server
      broker.send(server, kick);

      await().until(() -> !broker.events(server, "command.failed").isEmpty());

      CommandFailed failed = (CommandFailed) broker.events(server, "command.failed").get(0).data();
      assertThat(failed.commandId()).isEqualTo(kick.commandId());
      assertThat(failed.error())
          .isEqualTo(
              "RCON timed out after 200 ms waiting for 127.0.0.1:"
                  + rcon.port()
                  + " to answer 'kickid 7656'");
      assertThat(failed.attempts()).isEqualTo(2);
      assertThat(rcon.received()).containsExactly("kickid 7656", "kickid 7656");
      assertThat(broker.events(server, "command.succeeded")).isEmpty();
    }
  }

  @Test
  void anExpiredCommandNeverReachesRcon() throws Exception {
    String server = "expired";
    CommandMessage stale =
        command("kick", "{\"player_id\":\"1\"}", Instant.now().minus(Duration.ofMinutes(1)));
    CommandMessage fresh = command("kick", "{\"player_id\":\"2\"}", null);
    try (TestRconServer rcon = TestRconServer.start(Dialect.SOURCE, "s3cret");
        Agent agent = new Agent(server, rcon.port(), 3)) {
      broker.send(server, stale);
      broker.send(server, fresh);

      await().until(() -> !broker.events(server, "command.succeeded").isEmpty());

      assertThat(rcon.received()).containsExactly("kickid 2");
      assertThat(broker.events(server, "command.expired"))
          .extracting(event -> ((CommandExpired) event.data()).commandId())
          .containsExactly(stale.commandId());
    }
  }

  private static CommandMessage command(String name, String args, Instant expiresAt)
      throws IOException {
    return new CommandMessage(UUID.randomUUID().toString(), name, json(args), null, expiresAt);
  }

  private static JsonNode json(String text) throws IOException {
    return ContractJson.mapper().readTree(text);
  }

  /** What the agent's main does for one game server with an RCON outlet. */
  private final class Agent implements AutoCloseable {
    private final CommandOutlet outlet;
    private final GameServerClient client;
    private final CommandReceiver receiver;

    Agent(String server, int rconPort, int maxDeliveries) throws Exception {
      this(server, rconPort, maxDeliveries, Duration.ofSeconds(5));
    }

    Agent(String server, int rconPort, int maxDeliveries, Duration timeout) throws Exception {
      broker.register(server);
      Path password = Files.writeString(dir.resolve(server + ".password"), "s3cret\n");
      outlet =
          Outlets.open(
              new RconSettings(
                  "127.0.0.1",
                  rconPort,
                  Secret.fromFile(password),
                  RconGame.SOURCE,
                  null,
                  timeout));
      client =
          GameServerClient.builder()
              .url(broker.url())
              .serverId(server)
              .journalDir(dir.resolve("journal-" + server))
              .build();
      CommandReceiver.Builder builder =
          CommandReceiver.builder(client)
              .maxDeliveries(maxDeliveries)
              .retryBackoff(Duration.ofMillis(50));
      outlet.commandNames().forEach(name -> builder.on(name, outlet::run));
      receiver = builder.start();
    }

    @Override
    public void close() {
      receiver.close();
      client.close();
      outlet.close();
    }
  }
}
