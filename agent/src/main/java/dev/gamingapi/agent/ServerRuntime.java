package dev.gamingapi.agent;

import dev.gamingapi.agent.config.ServerConfig;
import dev.gamingapi.agent.input.Input;
import dev.gamingapi.agent.outlet.CommandOutlet;
import dev.gamingapi.agent.status.ServerCounters;
import dev.gamingapi.sdk.CredentialsFile;
import dev.gamingapi.sdk.FlushTimeoutException;
import dev.gamingapi.sdk.GameServerClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One game server as the agent runs it: its own {@link GameServerClient} (its own credential, its
 * own journal), its counters, its inputs, and its outlets with the receiver of its commands.
 */
public final class ServerRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);
  private final ServerConfig config;
  private final GameServerClient client;
  private final ServerCounters counters;
  private final List<Input> inputs = new ArrayList<>();
  private ServerCommands commands;

  private ServerRuntime(ServerConfig config, GameServerClient client) {
    this.config = config;
    this.client = client;
    this.counters = new ServerCounters(config.id());
  }

  /**
   * Opens the server's journal, client and outlets, and creates (not yet starts) its inputs.
   *
   * @throws IllegalStateException when the creds file belongs to another server: its events would
   *     be refused by the broker, or worse, published under another server's name
   */
  static ServerRuntime open(ServerConfig config, Path stateDir) {
    config.creds().ifPresent(creds -> checkCredsAreFor(config.id(), creds));
    GameServerClient.Builder builder =
        GameServerClient.builder()
            .url(config.url())
            .serverId(config.id())
            .journalDir(config.journal());
    config.creds().ifPresent(builder::credentials);
    ServerRuntime runtime = new ServerRuntime(config, builder.build());
    try {
      for (var input : config.inputs()) {
        runtime.inputs.add(Inputs.create(runtime, input, stateDir));
      }
      runtime.commands = ServerCommands.open(config.id(), config.outlets());
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    return runtime;
  }

  private static void checkCredsAreFor(String serverId, Path creds) {
    // The SDK's own reading of creds files, so the agent and the client agree on the tag.
    Optional<String> tagged = CredentialsFile.read(creds).serverId();
    if (tagged.isPresent() && !tagged.get().equals(serverId)) {
      throw new IllegalStateException(
          "server '"
              + serverId
              + "': "
              + creds
              + " is the credential of server '"
              + tagged.get()
              + "'");
    }
  }

  void startInputs() {
    for (Input input : inputs) {
      input.start();
    }
  }

  /** Starts receiving commands, when the server has outlets. */
  void startCommands() {
    commands.start(client, counters);
  }

  /** This server's outlets, in config order; empty when it takes no commands through the agent. */
  public List<CommandOutlet> outlets() {
    return commands == null ? List.of() : commands.outlets();
  }

  /** This server's config. */
  public ServerConfig config() {
    return config;
  }

  /** This server's client: publishes under its credential only, through its journal. */
  public GameServerClient client() {
    return client;
  }

  /** This server's counters. */
  public ServerCounters counters() {
    return counters;
  }

  /** This server's inputs, in config order. */
  public List<Input> inputs() {
    return List.copyOf(inputs);
  }

  /**
   * Stops receiving commands and closes the outlets, stops the inputs, waits a little for the
   * broker, and closes the journal: everything that may still publish stops before the journal.
   */
  @Override
  public void close() {
    if (commands != null) {
      commands.close();
    }
    for (Input input : inputs) {
      try {
        input.close();
      } catch (RuntimeException e) {
        LOG.warn("{}/{}: {}", config.id(), input.name(), e.toString());
      }
    }
    try {
      client.flush(Duration.ofSeconds(5));
    } catch (FlushTimeoutException e) {
      LOG.info("{}: {} event(s) stay journaled for the next start", config.id(), client.pending());
    }
    client.close();
  }
}
