package dev.gamingapi.agent.outlet.rcon;

import dev.gamingapi.agent.outlet.CommandOutlet;
import dev.gamingapi.agent.outlet.OutletException;
import dev.gamingapi.agent.outlet.RconSettings;
import dev.gamingapi.sdk.CommandRejectedException;
import dev.gamingapi.sdk.ReceivedCommand;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs commands as console lines over RCON: each command name maps to a line template (the game's
 * built-in table with the owner's changes, see {@link RconSettings#table()}), the command's
 * arguments fill it, and the console's answer becomes the output {@code {"console": "..."}}.
 *
 * <p>It connects on the first command, not at open, since the game server may well be down then;
 * any failure drops the connection and the next command (or the retry of this one) opens a new one.
 * A connection the game server closed while idle is noticed before sending, so a restarted game
 * server costs no failed delivery.
 */
public final class RconOutlet implements CommandOutlet {
  private final RconSettings settings;
  private final Map<String, String> table;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile RconConnection connection;
  private volatile boolean closed;

  private RconOutlet(RconSettings settings) {
    this.settings = settings;
    this.table = settings.table();
  }

  /** An outlet to the RCON server of {@code settings}; connects on the first command. */
  public static RconOutlet open(RconSettings settings) {
    return new RconOutlet(Objects.requireNonNull(settings, "settings"));
  }

  /** The console's answer to a command. */
  public record ConsoleOutput(String console) {}

  @Override
  public Set<String> commandNames() {
    return table.keySet();
  }

  @Override
  public ConsoleOutput run(ReceivedCommand command) {
    String template = table.get(command.name());
    if (template == null) {
      throw new CommandRejectedException(
          "no console line for command '" + command.name() + "' in the RCON table");
    }
    String line = ConsoleLine.render(command.name(), template, command.args(), settings.game());
    int bytes = line.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > RconPacket.MAX_SIZE - 10) {
      throw new CommandRejectedException(
          "the console line of command '"
              + command.name()
              + "' is "
              + bytes
              + " bytes; RCON"
              + " takes at most "
              + (RconPacket.MAX_SIZE - 10));
    }
    return new ConsoleOutput(execute(line));
  }

  /** Runs one console line, connecting first when needed. */
  String execute(String line) {
    lock.lock();
    try {
      if (closed) {
        throw new OutletException("the RCON outlet to " + settings.address() + " is closed");
      }
      RconConnection current = connection;
      if (current != null && !current.isOpen()) {
        current.close();
        current = null;
      }
      if (current == null) {
        current =
            RconConnection.open(
                settings.host(), settings.port(), password(), settings.timeout(), settings.game());
        connection = current;
        if (closed) { // closed while connecting: close() did not see this connection
          current.close();
          throw new OutletException("the RCON outlet to " + settings.address() + " is closed");
        }
      }
      try {
        return current.execute(line);
      } catch (RuntimeException e) {
        current.close(); // its state is unknown: half an answer may still be on the way
        connection = null;
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  private String password() {
    try {
      return settings.password().read();
    } catch (OutletException e) {
      throw new OutletException(
          "no RCON password for " + settings.address() + ": " + e.getMessage(), e);
    }
  }

  /** Closes the connection; a command waiting for its answer fails at once. */
  @Override
  public void close() {
    closed = true;
    RconConnection current = connection;
    if (current != null) {
      current.close();
    }
  }
}
