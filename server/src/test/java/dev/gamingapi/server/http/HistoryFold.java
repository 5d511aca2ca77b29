package dev.gamingapi.server.http;

import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerDied;
import dev.gamingapi.contract.event.PlayerDisconnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.contract.event.ServerHeartbeat;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.ServerStopped;
import dev.gamingapi.contract.event.UnknownEventData;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rules of docs/history.md as a plain in-memory fold over the messages of a log, written
 * without the platform's code, to check what the platform computed.
 */
final class HistoryFold {
  static final class Server {
    String state;
    String game;
    String map;
    Long startedAt;
    Long stoppedAt;
    long lastEventAt;
    String lastEventType;
    final Map<String, Long> sessions = new TreeMap<>();
  }

  static final class Player {
    String name;
    long firstSeen = Long.MAX_VALUE;
    long lastSeen = Long.MIN_VALUE;
    long sessions;
    long playMs;
    long kills;
    long deaths;
    long chats;
    final Map<String, Double> stats = new TreeMap<>();
    final Map<String, long[]> names = new TreeMap<>();
    final Map<String, long[]> servers = new TreeMap<>();
  }

  final Map<String, Server> servers = new TreeMap<>();
  final Map<String, Player> players = new TreeMap<>();
  private final Set<String> ids = new HashSet<>();
  private final long unresponsiveMs;
  int deadLetters;

  HistoryFold(long unresponsiveMs) {
    this.unresponsiveMs = unresponsiveMs;
  }

  /** Folds one message of the log. */
  void message(String subject, Function<String, String> header, byte[] body) {
    Event event;
    try {
      event = CloudEventsCodec.decode(subject, header, body);
    } catch (ContractException e) {
      deadLetters++;
      return;
    }
    if (event.data() instanceof UnknownEventData) {
      deadLetters++;
      return;
    }
    if (ids.add(event.id())) {
      event(event);
    }
  }

  private void event(Event event) {
    long at = event.time().toEpochMilli();
    Server server = servers.get(event.serverId());
    if (server == null) {
      server = new Server();
      server.state = "online";
      server.lastEventAt = at;
      servers.put(event.serverId(), server);
    } else {
      if (at - server.lastEventAt > unresponsiveMs || event.data() instanceof ServerStarted) {
        closeAll(server, server.lastEventAt);
      }
      server.lastEventAt = Math.max(server.lastEventAt, at);
    }
    server.lastEventType = event.type();
    switch (event.data()) {
      case ServerStarted started -> {
        server.state = "online";
        server.game = started.game() != null ? started.game() : server.game;
        server.map = started.map() != null ? started.map() : server.map;
        server.startedAt = at;
        server.stoppedAt = null;
      }
      case ServerStopped stopped -> {
        closeAll(server, at);
        server.state = "stopped";
        server.stoppedAt = at;
      }
      case ServerHeartbeat heartbeat -> {
        server.state = "online";
        server.map = heartbeat.map() != null ? heartbeat.map() : server.map;
        server.stoppedAt = null;
      }
      default -> {}
    }
    if (event.playerId() != null) {
      player(server, event, at);
    }
  }

  private void player(Server server, Event event, long at) {
    Player player = players.computeIfAbsent(event.playerId(), id -> new Player());
    switch (event.data()) {
      case PlayerConnected connected -> {
        player.name = connected.name();
        server.sessions.putIfAbsent(event.playerId(), at);
        seen(player.names, connected.name(), at);
      }
      case PlayerDisconnected disconnected -> close(server, event.playerId(), at);
      case PlayerKilled killed -> player.kills++;
      case PlayerDied died -> player.deaths++;
      case PlayerChatted chatted -> player.chats++;
      case PlayerScored scored -> {
        Double old = player.stats.get(scored.stat());
        double v = scored.value();
        double value =
            switch (scored.operator()) {
              case BEST -> old == null || v > old ? v : old;
              case SET -> v;
              case INCR -> (old == null ? 0 : old) + v;
              case DECR -> (old == null ? 0 : old) - v;
            };
        player.stats.put(scored.stat(), value);
      }
      default -> {}
    }
    player.firstSeen = Math.min(player.firstSeen, at);
    player.lastSeen = Math.max(player.lastSeen, at);
    seen(player.servers, event.serverId(), at);
  }

  private static void seen(Map<String, long[]> seen, String key, long at) {
    long[] range = seen.computeIfAbsent(key, k -> new long[] {at, at});
    range[0] = Math.min(range[0], at);
    range[1] = Math.max(range[1], at);
  }

  private void closeAll(Server server, long end) {
    for (String player : Set.copyOf(server.sessions.keySet())) {
      close(server, player, end);
    }
  }

  private void close(Server server, String playerId, long end) {
    Long since = server.sessions.remove(playerId);
    if (since != null) {
      Player player = players.get(playerId);
      player.sessions++;
      player.playMs += Math.max(0, end - since);
    }
  }
}
