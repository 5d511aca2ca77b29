package dev.gamingapi.agent.outlet;

import dev.gamingapi.sdk.ReceivedCommand;
import java.util.Set;

/**
 * Hands the platform's commands on to one game server that speaks no NATS: over RCON, over a local
 * HTTP door, or by running a program. The agent registers {@link #run} on the server's {@link
 * dev.gamingapi.sdk.CommandReceiver} for each of {@link #commandNames()}:
 *
 * <pre>{@code
 * CommandOutlet outlet = Outlets.open(settings);
 * CommandReceiver.Builder receiver = CommandReceiver.builder(client);
 * outlet.commandNames().forEach(name -> receiver.on(name, outlet::run));
 * }</pre>
 *
 * <p>{@link #run} returns the command's output or throws: the receiver then retries with backoff
 * and, after its last allowed delivery, reports {@code command.failed} with the exception's
 * message, so every failure here says what went wrong in words an owner can act on. What would fail
 * alike on every delivery (an argument missing or refused, a name without a template or program)
 * throws {@link dev.gamingapi.sdk.CommandRejectedException} instead, which the receiver reports as
 * failed at once. An outlet keeps no state between commands that a failure could leave broken: a
 * lost connection is opened again on the next command.
 *
 * <p>The receiver runs one command at a time; implementations are thread-safe all the same.
 */
public interface CommandOutlet extends AutoCloseable {
  /** The command names this outlet runs, to register on the receiver. */
  Set<String> commandNames();

  /**
   * Runs one command on the game server.
   *
   * @return the output, mapped to JSON by the receiver, or null for none
   * @throws dev.gamingapi.sdk.CommandRejectedException when the command cannot run as sent
   * @throws OutletException when the game server refused, failed or did not answer in time
   * @throws Exception any other failure, which the receiver treats alike
   */
  Object run(ReceivedCommand command) throws Exception;

  /** Releases sockets, ports and threads; a command still running fails. */
  @Override
  void close();
}
