package dev.gamingapi.agent;

import dev.gamingapi.agent.config.AgentConfig;
import dev.gamingapi.agent.config.AgentConfigException;
import dev.gamingapi.agent.door.StdinDoor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The agent's command line: {@code gamingapi-agent --config agent.yaml [--stdin [SERVER_ID]]}.
 *
 * <p>Runs until SIGTERM or SIGINT; the shutdown hook stops the inputs and flushes and closes the
 * journals, so nothing read is lost (events the broker has not acknowledged stay journaled and go
 * out at the next start). With {@code --stdin} it also reads JSON events from standard input for
 * the given server (or the only one configured) and exits when that input ends. Exit codes: 0 done,
 * 1 failure (or refused stdin lines), 2 bad command line or config.
 */
public final class AgentMain {
  private AgentMain() {}

  /** Runs the agent; see the class comment for the arguments. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    Path configFile = null;
    boolean stdin = false;
    String stdinServer = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> {
          if (++i >= args.length) {
            return usage("--config needs a file");
          }
          configFile = Path.of(args[i]);
        }
        case "--stdin" -> {
          stdin = true;
          if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            stdinServer = args[++i];
          }
        }
        default -> {
          return usage("unknown argument " + args[i]);
        }
      }
    }
    if (configFile == null) {
      return usage("--config is required");
    }
    AgentConfig config;
    try {
      config = AgentConfig.load(configFile);
    } catch (AgentConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    Agent agent;
    try {
      agent = Agent.start(config);
    } catch (RuntimeException e) {
      System.err.println("cannot start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "agent-shutdown"));
    System.out.println("gamingapi-agent started; status on port " + agent.statusPort());
    System.out.flush();
    if (stdin) {
      return readStdin(agent, stdinServer);
    }
    try {
      new CountDownLatch(1).await(); // the inputs run on their own threads until the signal
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static int readStdin(Agent agent, String serverId) {
    ServerRuntime server;
    if (serverId != null) {
      server = agent.server(serverId).orElse(null);
    } else {
      server = agent.servers().size() == 1 ? agent.servers().getFirst() : null;
    }
    if (server == null) {
      agent.close();
      return usage("--stdin needs a configured server id when several servers are configured");
    }
    try {
      int refused = new StdinDoor(server.client(), server.counters()).run(System.in, System.out);
      return refused == 0 ? 0 : 1;
    } catch (IOException e) {
      System.err.println("standard input: " + e.getMessage());
      return 1;
    } finally {
      agent.close();
    }
  }

  private static int usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: gamingapi-agent --config agent.yaml [--stdin [SERVER_ID]]");
    return 2;
  }
}
