package dev.gamingapi.agent.outlet;

import dev.gamingapi.contract.subject.Ids;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Commands run as programs: each command name has its own argv, run without a shell. The command's
 * arguments reach the program as environment variables {@code GAMINGAPI_ARG_<NAME>} and, with the
 * rest of the command, as JSON on its standard input, never spliced into the argv, so no argument
 * can become a shell command. Exit 0 succeeds with the standard output as output; any other exit,
 * or running past {@code timeout} (the program is then killed), fails.
 *
 * @param commands command name to argv (program first), e.g. {@code restart -> [systemctl, restart,
 *     cs2]}
 * @param timeout how long a program may run
 * @param workingDir the programs' working directory, or null for the agent's
 */
public record ShellSettings(Map<String, List<String>> commands, Duration timeout, Path workingDir)
    implements OutletSettings {
  /** The default time limit of a program. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Checks every field; a null {@code timeout} means 30 s. */
  public ShellSettings {
    if (commands == null || commands.isEmpty()) {
      throw new IllegalArgumentException("a shell outlet needs at least one command");
    }
    Map<String, List<String>> copy = new HashMap<>();
    commands.forEach(
        (name, argv) -> {
          Ids.name("command name", name);
          if (argv == null || argv.isEmpty() || argv.getFirst().isBlank()) {
            throw new IllegalArgumentException("shell command '" + name + "' has no program");
          }
          copy.put(name, List.copyOf(argv));
        });
    commands = Map.copyOf(copy);
    timeout = Settings.positive("shell timeout", timeout, DEFAULT_TIMEOUT);
  }

  /** The keys of {@link #commands()}. */
  @Override
  public Set<String> commandNames() {
    return commands.keySet();
  }
}
