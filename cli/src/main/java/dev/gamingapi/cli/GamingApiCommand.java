package dev.gamingapi.cli;

import dev.gamingapi.cli.access.ShareCommand;
import dev.gamingapi.cli.access.UserCommand;
import dev.gamingapi.cli.commands.CommandCommand;
import dev.gamingapi.cli.events.EventsCommand;
import dev.gamingapi.cli.history.HistoryCommand;
import dev.gamingapi.cli.notify.NotificationCommand;
import dev.gamingapi.cli.oauth.OAuthCommand;
import dev.gamingapi.cli.servers.ServerCommand;
import dev.gamingapi.cli.tenancy.AccountCommand;
import dev.gamingapi.cli.tenancy.AuditCommand;
import dev.gamingapi.cli.tenancy.PlanCommand;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gamingapi} command: runs the platform and talks to it from the shell. */
@Command(
    name = "gamingapi",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Event platform for game servers on NATS JetStream.",
    subcommands = {
      UpCommand.class,
      AgentCommand.class,
      InitCommand.class,
      dev.gamingapi.cli.streams.StreamsCommand.class,
      dev.gamingapi.cli.backup.BackupCommand.class,
      dev.gamingapi.cli.backup.RestoreCommand.class,
      EventsCommand.class,
      AccountCommand.class,
      PlanCommand.class,
      ServerCommand.class,
      UserCommand.class,
      ShareCommand.class,
      OAuthCommand.class,
      AuditCommand.class,
      NotificationCommand.class,
      CommandCommand.class,
      HistoryCommand.class
    })
public final class GamingApiCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Entry point: runs the command line and exits with its code. */
  public static void main(String[] args) {
    Optional<String> badFormat = LogFormat.problem(System.getenv(LogFormat.VARIABLE));
    if (badFormat.isPresent()) {
      System.err.println("gamingapi: " + badFormat.get());
      System.exit(2);
    }
    System.exit(run(args));
  }

  /**
   * Runs the command line and returns its exit code: 0 OK, 1 failure, 2 usage error, 3 the REST API
   * cannot be reached.
   */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  /** A configured command line, also used by tests to capture output. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new GamingApiCommand());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
