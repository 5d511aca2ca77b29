package dev.gamingapi.cli;

import dev.gamingapi.agent.Agent;
import dev.gamingapi.agent.config.AgentConfig;
import dev.gamingapi.agent.config.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gamingapi agent}: runs the agent beside game servers that link no GamingAPI library (their
 * logs in, commands out), until interrupted; with {@code --check} it only validates the config.
 */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
      "Run the agent: game-server logs in as events, commands out over RCON, HTTP or a program.",
      "With --check, only validate the config and print OK or the first problem."
    },
    footer = {
      "",
      "Examples:",
      "  gamingapi agent --config agent.yaml --check",
      "  gamingapi agent --config agent.yaml"
    })
public final class AgentCommand implements Callable<Integer> {
  private static final Duration MAX_STOP = Duration.ofSeconds(30);

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      required = true,
      description = "The agent's YAML config.")
  Path config;

  @Option(names = "--check", description = "Only validate the config; exit 0 when it is valid.")
  boolean check;

  /** Counted down to stop a running agent; tests use it, Ctrl+C uses the shutdown hook. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    AgentConfig agentConfig = AgentConfig.load(config); // names file:line: key of a problem
    PrintWriter out = spec.commandLine().getOut();
    if (check) {
      out.println(config.getFileName() + ": OK, " + describe(agentConfig));
      return 0;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // The hook waits for the journals to be flushed and closed: the JVM halts when hooks return.
    Thread hook = new Thread(() -> stopAndWait(stopped), "gamingapi-agent-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Agent agent = start(agentConfig)) {
      out.println(
          "gamingapi agent started: "
              + describe(agentConfig)
              + "; status on http://"
              + agentConfig.status().bind()
              + ":"
              + agent.statusPort()
              + "/status");
      out.flush();
      stop.await();
      out.println("Stopping the agent ...");
      out.flush();
    } finally {
      stopped.countDown();
      removeHook(hook);
    }
    return 0;
  }

  private static Agent start(AgentConfig config) {
    try {
      return Agent.start(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot start the agent: " + ErrorHandler.describe(e), e);
    }
  }

  private static String describe(AgentConfig config) {
    return config.servers().size()
        + (config.servers().size() == 1 ? " server (" : " servers (")
        + String.join(", ", config.servers().stream().map(ServerConfig::id).toList())
        + ")";
  }

  private void stopAndWait(CountDownLatch stopped) {
    stop.countDown();
    try {
      stopped.await(MAX_STOP.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is what stopped us: it stays until the JVM halts
    }
  }
}
