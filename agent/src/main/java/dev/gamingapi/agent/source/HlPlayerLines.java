package dev.gamingapi.agent.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.agent.config.ActionMapping;
import dev.gamingapi.agent.config.InputConfig.HlOptions;
import dev.gamingapi.agent.input.MappedLine;
import dev.gamingapi.contract.event.CustomEvent;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerDied;
import dev.gamingapi.contract.event.PlayerDisconnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerScored;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines that start with a player token: connections, chat, kills, deaths, names, teams and
 * {@code triggered "action"} lines. What follows the token is matched anchored at its end, and a
 * quoted message is taken up to the line's last quote, so that neither names nor messages need to
 * be free of quotes.
 */
final class HlPlayerLines {
  private static final String POS = "(?: \\[-?[\\d.]+ -?[\\d.]+ -?[\\d.]+\\])?";
  private static final Pattern CONNECTED = Pattern.compile(" connected, address \"(.*)\"");
  private static final Pattern ENTERED = Pattern.compile(" entered the game");
  private static final Pattern DISCONNECTED =
      Pattern.compile(" disconnected(?: \\(reason \"(.*)\"\\))?", Pattern.DOTALL);
  private static final Pattern SAY =
      Pattern.compile(" (say|say_team) \"(.*)\"(?: \\(dead\\))?", Pattern.DOTALL);
  private static final Pattern KILLED = Pattern.compile(POS + " killed (?=\")");
  private static final Pattern WITH = Pattern.compile(POS + " with \"([^\"]*)\"(.*)");
  private static final Pattern SUICIDE =
      Pattern.compile(POS + " committed suicide with \"([^\"]*)\".*");
  private static final Pattern NAME = Pattern.compile(" changed name to \"(.*)\"", Pattern.DOTALL);
  private static final Pattern TEAM = Pattern.compile(" joined team \"([^\"]*)\".*");
  private static final Pattern SWITCHED = Pattern.compile(" switched from team <(.*)> to <(.*)>");
  private static final Pattern TRIGGERED = Pattern.compile(" triggered \"([^\"]*)\"(.*)");
  private static final Pattern PROPERTY = Pattern.compile("\\((\\w+) \"([^\"]*)\"\\)");

  private final HlOptions options;
  private final Set<String> connected = new HashSet<>();

  HlPlayerLines(HlOptions options) {
    this.options = options;
  }

  MappedLine map(ZonedDateTime time, String message) {
    Optional<HlPlayer> found = HlPlayer.at(message, 0);
    if (found.isEmpty()) {
      return new MappedLine.Malformed("no \"name<uid><steamid><team>\" player token");
    }
    HlPlayer player = found.get();
    String rest = message.substring(player.end());
    Out out = new Out(time);
    Matcher m;
    if ((m = CONNECTED.matcher(rest)).matches()) {
      connected.add(player.id());
      out.add(new PlayerConnected(player.id(), player.displayName(), host(m.group(1))), player);
    } else if (ENTERED.matcher(rest).matches()) {
      // Joining writes "connected" then "entered the game": one event, unless the first was missed.
      if (connected.add(player.id())) {
        out.add(new PlayerConnected(player.id(), player.displayName(), null), player);
      }
    } else if ((m = DISCONNECTED.matcher(rest)).matches()) {
      connected.remove(player.id());
      out.add(new PlayerDisconnected(player.id(), m.group(1)), player);
    } else if ((m = SAY.matcher(rest)).matches()) {
      String channel = m.group(1).equals("say") ? "global" : "team";
      out.add(new PlayerChatted(player.id(), player.name(), m.group(2), channel), player);
    } else if ((m = KILLED.matcher(rest)).lookingAt()) {
      return killed(out, player, rest, m.end());
    } else if ((m = SUICIDE.matcher(rest)).matches()) {
      out.add(new PlayerDied(player.id(), null, m.group(1)), player);
    } else if ((m = NAME.matcher(rest)).matches()) {
      out.add(
          custom("name_changed", player, "old_name", player.name(), "new_name", m.group(1)),
          player);
    } else if ((m = TEAM.matcher(rest)).matches()) {
      out.add(custom("team_joined", player, "team", m.group(1), "from", player.team()), player);
    } else if ((m = SWITCHED.matcher(rest)).matches()) {
      out.add(custom("team_joined", player, "team", m.group(2), "from", m.group(1)), player);
    } else if ((m = TRIGGERED.matcher(rest)).matches()) {
      return triggered(out, player, m.group(1), m.group(2));
    } else {
      return new MappedLine.Unmapped();
    }
    return out.result();
  }

  private MappedLine killed(Out out, HlPlayer killer, String rest, int victimQuote) {
    Optional<HlPlayer> victimToken = HlPlayer.at(rest, victimQuote);
    if (victimToken.isEmpty()) {
      return new MappedLine.Malformed("killed: no victim token");
    }
    HlPlayer victim = victimToken.get();
    Matcher with = WITH.matcher(rest.substring(victim.end()));
    if (!with.matches()) {
      return new MappedLine.Malformed("killed: no 'with \"weapon\"'");
    }
    String weapon = with.group(1);
    Boolean headshot = with.group(2).contains("headshot") ? Boolean.TRUE : null;
    out.add(new PlayerKilled(killer.id(), victim.id(), weapon, null, headshot), killer, victim);
    out.add(new PlayerDied(victim.id(), killer.id(), weapon), victim);
    return out.result();
  }

  private MappedLine triggered(Out out, HlPlayer player, String action, String properties) {
    ActionMapping mapping = options.actions().get(action);
    if (mapping == null) {
      return new MappedLine.Unmapped();
    }
    switch (mapping) {
      case ActionMapping.Score score ->
          out.add(
              new PlayerScored(player.id(), score.stat(), score.value(), score.operator()), player);
      case ActionMapping.Custom custom -> {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("action", action);
        Matcher property = PROPERTY.matcher(properties);
        while (property.find()) {
          data.put(property.group(1), property.group(2));
        }
        out.add(new CustomEvent(custom.name(), player.id(), data), player);
      }
    }
    return out.result();
  }

  private static CustomEvent custom(String name, HlPlayer player, String... fields) {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("name", player.name());
    for (int i = 0; i < fields.length; i += 2) {
      data.put(fields[i], fields[i + 1]);
    }
    return new CustomEvent(name, player.id(), data);
  }

  /** {@code 1.2.3.4:27005} → {@code 1.2.3.4}; a bot's {@code none} → absent. */
  private static String host(String address) {
    if (address.isEmpty() || address.equals("none") || address.equals("loopback")) {
      return address.equals("loopback") ? "127.0.0.1" : null;
    }
    int colon = address.lastIndexOf(':');
    return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
  }

  /** The events of one line, leaving out those about bots when the owner asked for it. */
  private final class Out {
    private final ZonedDateTime time;
    private final List<EventData> events = new ArrayList<>();
    private int excluded;

    Out(ZonedDateTime time) {
      this.time = time;
    }

    void add(EventData data, HlPlayer... about) {
      for (HlPlayer player : about) {
        if (options.excludeBots() && !player.isHuman()) {
          excluded++;
          return;
        }
      }
      events.add(data);
    }

    MappedLine result() {
      return new MappedLine.Events(time.toInstant(), events, excluded);
    }
  }
}
