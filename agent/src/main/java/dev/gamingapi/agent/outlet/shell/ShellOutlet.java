package dev.gamingapi.agent.outlet.shell;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.agent.outlet.CommandOutlet;
import dev.gamingapi.agent.outlet.OutletException;
import dev.gamingapi.agent.outlet.ShellSettings;
import dev.gamingapi.agent.outlet.internal.CommandDocument;
import dev.gamingapi.agent.outlet.internal.Durations;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.sdk.CommandRejectedException;
import dev.gamingapi.sdk.ReceivedCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program per command (see {@link ShellSettings}): the argv as configured, the arguments as
 * {@code GAMINGAPI_ARG_<NAME>} environment variables (upper case, other characters than letters,
 * digits and {@code _} as {@code _}; strings as is, other values as JSON), the command's id and
 * name as {@code GAMINGAPI_COMMAND_ID} and {@code GAMINGAPI_COMMAND_NAME}, and the whole command as
 * JSON on standard input.
 *
 * <p>Exit 0 succeeds: a standard output that is a JSON object is the output, any other is {@code
 * {"stdout": "..."}} (none when empty). Another exit fails with the code and the end of the
 * standard error. A program still running at the time limit is killed, with the processes it
 * started, and the command fails saying so.
 */
public final class ShellOutlet implements CommandOutlet {
  private static final String ARG_PREFIX = "GAMINGAPI_ARG_";

  private final ShellSettings settings;

  private ShellOutlet(ShellSettings settings) {
    this.settings = settings;
  }

  /** An outlet running the settings' programs. */
  public static ShellOutlet open(ShellSettings settings) {
    return new ShellOutlet(Objects.requireNonNull(settings, "settings"));
  }

  @Override
  public Set<String> commandNames() {
    return settings.commands().keySet();
  }

  @Override
  public Object run(ReceivedCommand command) throws InterruptedException {
    List<String> argv = settings.commands().get(command.name());
    if (argv == null) {
      throw new CommandRejectedException("no program for command '" + command.name() + "'");
    }
    String program = argv.getFirst();
    ProcessBuilder builder = new ProcessBuilder(argv);
    if (settings.workingDir() != null) {
      builder.directory(settings.workingDir().toFile());
    }
    environment(builder.environment(), command);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new OutletException("cannot start '" + program + "': " + e.getMessage(), e);
    }
    OutputCapture stdout = OutputCapture.head(process.getInputStream());
    OutputCapture stderr = OutputCapture.tail(process.getErrorStream());
    byte[] document = CommandDocument.of(command).toJson();
    // On a thread of its own: a program that never reads would block a write larger than the pipe.
    Thread.ofVirtual().name("shell-outlet-input").start(() -> feed(process, document));
    Duration timeout = settings.timeout();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      // Kill what it started too: a game-server restart script leaves children behind.
      process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor();
      throw new OutletException(
          "'"
              + program
              + "' did not finish within "
              + Durations.describe(timeout)
              + " and was killed");
    }
    int exit = process.exitValue();
    if (exit != 0) {
      String tail = stderr.text().strip();
      throw new OutletException(
          "'" + program + "' exited with " + exit + (tail.isEmpty() ? "" : ": " + tail));
    }
    return output(stdout.text());
  }

  private static void environment(Map<String, String> env, ReceivedCommand command) {
    // Only this command's arguments: none inherited from the agent's own environment.
    env.keySet().removeIf(name -> name.startsWith(ARG_PREFIX));
    env.put("GAMINGAPI_COMMAND_ID", command.id());
    env.put("GAMINGAPI_COMMAND_NAME", command.name());
    if (command.args() == null) {
      return;
    }
    command
        .args()
        .properties()
        .forEach(
            arg -> {
              JsonNode value = arg.getValue();
              env.put(
                  ARG_PREFIX + arg.getKey().toUpperCase(Locale.ROOT).replaceAll("\\W", "_"),
                  value.isTextual() ? value.asText() : value.toString());
            });
  }

  private static void feed(Process process, byte[] json) {
    try (OutputStream in = process.getOutputStream()) {
      in.write(json);
    } catch (IOException ignored) {
      // The program exited without reading its input: that is its right.
    }
  }

  private static Object output(String stdout) {
    String text = stdout.strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.startsWith("{")) {
      try {
        JsonNode json = ContractJson.mapper().readTree(text);
        if (json != null && json.isObject()) {
          return json;
        }
      } catch (IOException notJson) {
        // plain text that happens to start with a brace
      }
    }
    return Map.of("stdout", text);
  }

  /** Nothing to release: each command's process ends with the command. */
  @Override
  public void close() {}
}
