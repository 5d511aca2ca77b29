package dev.gamingapi.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.agent.config.AgentConfig;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.sdk.CredentialsException;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.sdk.JournalException;
import dev.gamingapi.testkit.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential is never used for another server: whatever the config or the journal hands a server,
 * the events of eu-1 leave under eu-1's credential only, on a real nats-server where each server is
 * a user of its own.
 */
class CredentialIsolationTest {
  @TempDir Path dir;

  @Test
  void aJournalHoldingAnotherServersEventsIsRefusedAndTheyWaitForTheirOwnServer() throws Exception {
    try (TestBroker broker = TestBroker.start(dir, "eu-1", "eu-2")) {
      Path journal = dir.resolve("journal-of-eu-1");
      List<String> ids = new ArrayList<>();
      // eu-1 journals three events while the broker is out of reach, as during an outage.
      try (GameServerClient eu1 =
          GameServerClient.builder()
              .url("nats://127.0.0.1:" + FreePorts.next())
              .credentials(dir.resolve("eu-1.creds"))
              .journalDir(journal)
              .build()) {
        for (int i = 0; i < 3; i++) {
          ids.add(eu1.publish(new PlayerConnected("p" + i, "Player " + i, null)));
        }
      }

      // Then the config hands that journal to eu-2 (an edit, a copied state directory).
      Path toEu2 = config(broker.url(), "eu-2", journal);
      assertThatThrownBy(() -> Agent.start(AgentConfig.load(toEu2)))
          .isInstanceOf(JournalException.class)
          .hasMessageStartingWith(
              "journal " + journal + " holds events of server 'eu-1' (event " + ids.get(0) + ")")
          .hasMessageContaining("not of server 'eu-2'");
      assertThat(broker.count()).isZero();

      // Nothing was lost: eu-1's own agent sends them, under eu-1's subjects.
      try (Agent agent = Agent.start(AgentConfig.load(config(broker.url(), "eu-1", journal)))) {
        await().until(() -> broker.count() == 3);
      }
      assertThat(broker.stored())
          .allMatch(event -> event.subject().startsWith("v1.servers.eu-1."))
          .extracting(TestBroker.Stored::id)
          .containsExactlyElementsOf(ids);
    }
  }

  @Test
  void aCredsFileOfAnotherServerIsRefusedByTheAgentAndByTheSdk() throws Exception {
    try (TestBroker broker = TestBroker.start(dir, "eu-1", "eu-2")) {
      Path eu1Creds = dir.resolve("eu-1.creds");
      Path config =
          Files.writeString(
              dir.resolve("agent.yaml"),
              """
              state_dir: state
              status: { port: 0 }
              servers:
                - { id: eu-2, url: %s, creds: eu-1.creds }
              """
                  .formatted(broker.url()));

      assertThatThrownBy(() -> Agent.start(AgentConfig.load(config)))
          .hasMessageStartingWith("server 'eu-2': ")
          .hasMessageEndingWith("is the credential of server 'eu-1'");
      assertThatThrownBy(
              () ->
                  GameServerClient.builder()
                      .url(broker.url())
                      .credentials(eu1Creds)
                      .serverId("eu-2")
                      .journalDir(dir.resolve("journal"))
                      .build())
          .isInstanceOf(CredentialsException.class)
          .hasMessage(
              "credentials file "
                  + eu1Creds
                  + ": is the credential of server 'eu-1', not of server 'eu-2'");
      assertThat(broker.count()).isZero();
    }
  }

  private Path config(String url, String server, Path journal) throws Exception {
    return Files.writeString(
        dir.resolve("agent-" + server + ".yaml"),
        """
        state_dir: state
        status: { port: 0 }
        servers:
          - { id: %s, url: %s, creds: %s.creds, journal: %s }
        """
            .formatted(server, url, server, journal));
  }
}
