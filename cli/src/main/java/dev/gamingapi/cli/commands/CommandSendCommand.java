package dev.gamingapi.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import dev.gamingapi.sdk.rest.RestResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code gamingapi command send ACCOUNT SERVER NAME}: queues a command; with {@code --wait}, waits
 * for its result and exits 1 unless it succeeded.
 */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description =
        "Send a command to a game server (owner or operator); it waits while the server is offline.",
    footer = {
      "",
      "Examples:",
      "  gamingapi command send acme eu-1 kick --arg player_id=7656 --arg reason=cheating --ttl 5m",
      "  gamingapi command send acme eu-1 broadcast --args '{\"text\":\"restart soon\"}' --wait 30s"
    })
public final class CommandSendCommand extends ApiCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DURATION = Pattern.compile("(\\d+)(s|m|h|d)?");
  private static final Set<String> DONE = Set.of("succeeded", "failed", "expired");

  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "SERVER", description = "Server id.")
  String server;

  @Parameters(index = "2", paramLabel = "NAME", description = "Command name: [a-z0-9_]{1,64}.")
  String name;

  @Option(names = "--args", paramLabel = "JSON", description = "Arguments as a JSON object.")
  String args;

  @Option(
      names = "--arg",
      paramLabel = "KEY=VALUE",
      description = "One string argument (repeatable; added to --args).")
  Map<String, String> arg;

  @Option(names = "--ttl", paramLabel = "DURATION", description = "Time to live: 90s, 5m, 2h, 1d.")
  String ttl;

  @Option(
      names = "--not-before",
      paramLabel = "TIME",
      description = "Do not run before this RFC 3339 time.")
  String notBefore;

  @Option(
      names = "--key",
      paramLabel = "KEY",
      description = "Idempotency key: the same key to the same server queues the command once.")
  String key;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      arity = "0..1",
      fallbackValue = "60s",
      description = "Wait this long (default 60s) for the result; exit 1 unless it succeeded.")
  String wait;

  /**
   * The body of {@code POST .../commands}; options not given are left out. The not-before time goes
   * as given: the API checks it.
   */
  record NewCommand(
      String name, ObjectNode args, Long ttlSeconds, String notBefore, String idempotencyKey) {}

  @Override
  protected void run(RestClient client) throws Exception {
    NewCommand body =
        new NewCommand(
            name,
            parseArgs(),
            ttl == null ? null : duration("--ttl", ttl).toSeconds(),
            notBefore,
            key);
    String path = RestClient.path("accounts", account, "servers", server, "commands");
    RestResponse sent = client.send("POST", path, body);
    JsonNode command = sent.body();
    // 200 rather than 202: the key was used already, and this is the command it queued then.
    boolean repeated = sent.status() == 200;
    if (wait != null) {
      command = awaitResult(client, path + RestClient.path(command.path("id").asText()), command);
    }
    if (json()) {
      printJson(command);
    } else {
      out()
          .printf(
              "Command %s (%s) to %s: %s.%s%n",
              command.path("id").asText(),
              name,
              server,
              command.path("status").asText(),
              repeated
                  ? " Key " + key + " was used already: this is that command, not a new one."
                  : "");
      Table.fields(command, out());
    }
    if (wait != null && !"succeeded".equals(command.path("status").asText())) {
      throw new IllegalStateException(
          "command "
              + command.path("id").asText()
              + " "
              + command.path("status").asText()
              + (DONE.contains(command.path("status").asText()) ? "" : " (still; gave up waiting)")
              + result(command));
    }
  }

  private JsonNode awaitResult(RestClient client, String path, JsonNode command)
      throws InterruptedException {
    long deadline = System.nanoTime() + duration("--wait", wait).toNanos();
    long pause = 50;
    while (!DONE.contains(command.path("status").asText()) && System.nanoTime() < deadline) {
      Thread.sleep(pause);
      pause = Math.min(pause * 2, 1000);
      command = client.get(path);
    }
    return command;
  }

  private ObjectNode parseArgs() {
    ObjectNode arguments = null;
    if (args != null) {
      try {
        JsonNode parsed = JSON.readTree(args);
        if (parsed == null || !parsed.isObject()) {
          throw new ParameterException(spec.commandLine(), "--args must be a JSON object");
        }
        arguments = (ObjectNode) parsed;
      } catch (JsonProcessingException e) {
        throw new ParameterException(
            spec.commandLine(), "--args is not JSON: " + e.getOriginalMessage());
      }
    }
    if (arg != null) {
      arguments = arguments == null ? JSON.createObjectNode() : arguments;
      arg.forEach(arguments::put);
    }
    return arguments;
  }

  private Duration duration(String option, String text) {
    Matcher matcher = DURATION.matcher(text.trim());
    if (!matcher.matches()) {
      throw new ParameterException(
          spec.commandLine(), option + " '" + text + "' is not a duration like 90s, 5m, 2h or 1d");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    return switch (unit) {
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  /** The output or the error of a finished command, for one line. */
  static String result(JsonNode command) {
    String outcome = outcome(command);
    return outcome.isEmpty() ? "" : ": " + outcome;
  }

  /** What the game server answered, error or output; empty while there is no answer. */
  static String outcome(JsonNode command) {
    if (command.hasNonNull("error")) {
      return command.path("error").asText();
    }
    if (command.hasNonNull("output")) {
      return command.path("output").toString();
    }
    return "";
  }
}
