package dev.gamingapi.cli.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventIds;
import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.sdk.CredentialsFile;
import dev.gamingapi.sdk.FlushTimeoutException;
import dev.gamingapi.sdk.GameServerClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gamingapi events publish}: one event from the shell, or with {@code --lines} many JSON
 * lines in one process (a script's output, a past season to load), through the SDK, so they are
 * validated, journaled and de-duplicated like any other.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish one event as a game server, or with --lines one event per JSON line.",
      "A line: {\"type\", \"player\", \"time\", \"id\", \"data\", \"server\"}, each optional when"
          + " the option of that name gives it; events tail --json prints this shape."
    },
    footer = {
      "",
      "Examples:",
      "  gamingapi events publish --creds data/creds/demo.creds --type player.connected \\",
      "    --player steam_1 --data '{\"name\":\"Alice\"}'",
      "  my-export | gamingapi events publish --creds data/creds/demo.creds --lines -"
    })
public final class EventsPublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin BrokerOptions broker;

  @Option(
      names = "--type",
      description = "Event type, e.g. server.started (required without --lines).")
  String type;

  @Option(names = "--server", description = "Server id (default: the one the creds are bound to).")
  String serverId;

  @Option(names = "--player", description = "Player id, for player events.")
  String playerId;

  @Option(
      names = "--data",
      description = "Event data as a JSON object, or - to read it from stdin (default: {}).")
  String data;

  @Option(names = "--id", description = "Event id (default: a new UUIDv7).")
  String id;

  @Option(
      names = "--lines",
      paramLabel = "FILE",
      description = "Publish each JSON line of FILE (- for stdin) as an event, in order.")
  String lines;

  @Option(
      names = "--progress",
      defaultValue = "1s",
      description =
          "With --lines: a progress line on stderr this often, 0s for none (default: 1s).")
  String progress;

  @Option(
      names = "--journal-dir",
      description =
          "Journal directory (default: $XDG_STATE_HOME/gamingapi/journal/<server>, else"
              + " ~/.local/state/gamingapi/journal/<server>).")
  Path journalDir;

  @Option(names = "--timeout", defaultValue = "10s", description = "How long to wait for the ack.")
  String timeout;

  @Override
  public Integer call() throws IOException {
    checkOptions();
    Duration ackTimeout = Durations.parse("--timeout", timeout);
    GameServerClient.Builder builder =
        GameServerClient.builder().url(broker.url()).credentials(broker.creds(spec.commandLine()));
    if (serverId != null) {
      builder.serverId(serverId);
    }
    String server = serverId;
    if (server == null && broker.creds != null) {
      server = CredentialsFile.read(broker.creds).serverId().orElse(null);
    }
    if (journalDir != null) {
      builder.journalDir(journalDir);
    } else if (server != null) {
      builder.journalDir(StateDir.journal(server));
    }
    try (GameServerClient client = builder.build()) {
      if (lines != null) {
        return publishLines(client, ackTimeout);
      }
      Event event =
          EventLines.event(
              id == null ? EventIds.next() : id,
              type,
              client.serverId(),
              playerId,
              Instant.now(),
              parseData(readData()));
      String published = client.publish(event);
      client.flush(ackTimeout);
      spec.commandLine().getOut().println(published);
    }
    return 0;
  }

  private void checkOptions() {
    if (lines == null && type == null) {
      throw new ParameterException(
          spec.commandLine(), "Missing required option: '--type=<type>' (or --lines FILE)");
    }
    if (lines != null && (data != null || id != null)) {
      throw new ParameterException(
          spec.commandLine(), "--lines takes each event's data and id from its line");
    }
  }

  private int publishLines(GameServerClient client, Duration ackTimeout) throws IOException {
    LinePublisher publisher =
        new LinePublisher(
            client,
            new EventLines.Defaults(type, playerId, client.serverId()),
            spec.commandLine().getErr(),
            Durations.parse("--progress", progress));
    long journaled;
    try (BufferedReader reader = open(lines)) {
      journaled = publisher.publish(reader);
    } catch (LinePublisher.BadLineException e) {
      // The events before the bad line stay: send them before saying where to go on from.
      throw new InvalidEventException(
          e.getMessage()
              + "; "
              + sent(client, e.journaled, ackTimeout)
              + "; go on from this line (tail -n +"
              + e.line
              + ")",
          e);
    }
    client.flush(ackTimeout);
    spec.commandLine()
        .getOut()
        .println(journaled + (journaled == 1 ? " event" : " events") + " published");
    return 0;
  }

  private static String sent(GameServerClient client, long journaled, Duration ackTimeout) {
    String before =
        journaled == 1 ? "the event before it" : "the " + journaled + " events before it";
    try {
      client.flush(ackTimeout);
      return before + (journaled == 1 ? " is" : " are") + " published";
    } catch (FlushTimeoutException e) {
      return before + " wait in the journal for the next publish";
    }
  }

  private static BufferedReader open(String file) throws IOException {
    InputStream in;
    if ("-".equals(file)) {
      in = System.in;
    } else {
      try {
        in = Files.newInputStream(Path.of(file));
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("--lines " + file + ": no such file");
      }
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private String readData() throws IOException {
    if (data == null) {
      return "{}";
    }
    if (!"-".equals(data)) {
      return data;
    }
    try (InputStream in = System.in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ObjectNode parseData(String json) {
    JsonNode tree;
    try {
      tree = ContractJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("--data is not valid JSON: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidEventException("--data must be a JSON object, like '{\"name\":\"Alice\"}'");
    }
    return (ObjectNode) tree;
  }
}
