package dev.gamingapi.cli.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.EventIds;
import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.contract.event.Scope;
import dev.gamingapi.sdk.CredentialsFile;
import dev.gamingapi.sdk.GameServerClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gamingapi events publish}: one event from the shell, through the SDK (so it is validated,
 * journaled and de-duplicated like any other).
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = "Publish one event as a game server.",
    footer = {
      "",
      "Example:",
      "  gamingapi events publish --creds data/creds/demo.creds --type player.connected \\",
      "    --player steam_1 --data '{\"name\":\"Alice\"}'"
    })
public final class EventsPublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin BrokerOptions broker;

  @Option(names = "--type", required = true, description = "Event type, e.g. server.started.")
  String type;

  @Option(names = "--server", description = "Server id (default: the one the creds are bound to).")
  String serverId;

  @Option(names = "--player", description = "Player id, for player events.")
  String playerId;

  @Option(
      names = "--data",
      defaultValue = "{}",
      description = "Event data as a JSON object, or - to read it from stdin (default: {}).")
  String data;

  @Option(names = "--id", description = "Event id (default: a new UUIDv7).")
  String id;

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
    GameServerClient.Builder builder =
        GameServerClient.builder().url(broker.url()).credentials(broker.creds);
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
      EventData eventData = parseData(readData());
      Event event =
          new Event(
              id == null ? EventIds.next() : id,
              type,
              client.serverId(),
              EventCatalog.playerOf(eventData),
              Instant.now(),
              eventData);
      String published = client.publish(event);
      client.flush(Durations.parse("--timeout", timeout));
      spec.commandLine().getOut().println(published);
    }
    return 0;
  }

  private String readData() throws IOException {
    if (!"-".equals(data)) {
      return data;
    }
    try (InputStream in = System.in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private EventData parseData(String json) {
    JsonNode tree;
    try {
      tree = ContractJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("--data is not valid JSON: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidEventException("--data must be a JSON object, like '{\"name\":\"Alice\"}'");
    }
    Scope scope = EventCatalog.resolve(type).scope();
    if (playerId != null && scope != Scope.SERVER && !tree.has("player_id")) {
      ((ObjectNode) tree).put("player_id", playerId);
    }
    String player = tree.hasNonNull("player_id") ? tree.get("player_id").asText() : playerId;
    if (scope == Scope.EITHER) {
      player = playerId;
    }
    return CloudEventsCodec.decodeData(
        type, player, tree.toString().getBytes(StandardCharsets.UTF_8));
  }
}
