package dev.gamingapi.agent;

import dev.gamingapi.agent.outlet.CommandOutlet;
import dev.gamingapi.agent.outlet.OutletSettings;
import dev.gamingapi.agent.outlet.Outlets;
import dev.gamingapi.agent.status.Counter;
import dev.gamingapi.agent.status.ServerCounters;
import dev.gamingapi.sdk.CommandHandler;
import dev.gamingapi.sdk.CommandReceiver;
import dev.gamingapi.sdk.GameServerClient;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands side of one game server: its outlets, and the SDK's {@link CommandReceiver} that
 * runs each command name with the outlet that claims it (ordering, expiry, retries and the result
 * events come from the receiver). A server without outlets gets no receiver: it may well run one of
 * its own, and two receivers would take each other's commands.
 */
final class ServerCommands implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerCommands.class);
  private final String serverId;
  private final List<CommandOutlet> outlets;
  private volatile CommandReceiver receiver;

  private ServerCommands(String serverId, List<CommandOutlet> outlets) {
    this.serverId = serverId;
    this.outlets = List.copyOf(outlets);
  }

  /**
   * Opens the outlets (an HTTP long-poll outlet binds its port now); the receiver starts later.
   *
   * @throws dev.gamingapi.agent.outlet.OutletException when an outlet cannot open; those opened are
   *     closed again
   */
  static ServerCommands open(String serverId, List<OutletSettings> settings) {
    List<CommandOutlet> outlets = new ArrayList<>();
    try {
      for (OutletSettings outlet : settings) {
        outlets.add(Outlets.open(outlet));
      }
    } catch (RuntimeException e) {
      outlets.forEach(CommandOutlet::close);
      throw e;
    }
    return new ServerCommands(serverId, outlets);
  }

  /** Starts receiving the server's commands, counting each run in {@code counters}. */
  void start(GameServerClient client, ServerCounters counters) {
    if (outlets.isEmpty()) {
      return;
    }
    CommandReceiver.Builder builder = CommandReceiver.builder(client);
    TreeSet<String> names = new TreeSet<>();
    for (CommandOutlet outlet : outlets) {
      for (String name : outlet.commandNames()) {
        builder.on(name, counted(outlet, counters));
        names.add(name);
      }
    }
    counters.note("outlet.commands", String.join(",", names));
    receiver = builder.start();
  }

  private static CommandHandler counted(CommandOutlet outlet, ServerCounters counters) {
    return command -> {
      counters.increment(Counter.COMMANDS_RUN);
      try {
        Object output = outlet.run(command);
        counters.increment(Counter.COMMANDS_SUCCEEDED);
        return output;
      } catch (Exception e) {
        counters.increment(Counter.COMMANDS_FAILED);
        throw e;
      }
    };
  }

  /** The outlets, in config order. */
  List<CommandOutlet> outlets() {
    return outlets;
  }

  /**
   * Stops receiving (a command being run finishes first, for up to 10 s), then closes the outlets.
   * Called before the journal closes, so that the last command's result event is journaled.
   */
  @Override
  public void close() {
    CommandReceiver current = receiver;
    if (current != null) {
      current.close();
    }
    for (CommandOutlet outlet : outlets) {
      try {
        outlet.close();
      } catch (RuntimeException e) {
        LOG.warn("{}: closing an outlet: {}", serverId, e.toString());
      }
    }
  }
}
