package dev.gamingapi.sdk;

/**
 * Runs one command on the game server. Returning completes it ({@code command.succeeded} with the
 * returned value as its JSON output; null for none); throwing makes the {@link CommandReceiver}
 * retry it with backoff, up to its max deliveries, then report {@code command.failed} with the
 * exception's message. Throwing {@link CommandRejectedException} reports {@code command.failed} at
 * once, without retries: for commands that no retry can make succeed.
 *
 * <p>A command can reach a handler more than once (a crash of the game server between running it
 * and acknowledging it, a handler slower than the ack wait): use {@link ReceivedCommand#id()} to
 * make handlers with lasting effects idempotent.
 */
@FunctionalInterface
public interface CommandHandler {
  /**
   * @return the output, mapped to JSON (snake_case), or null
   * @throws CommandRejectedException to have the command failed at once
   * @throws Exception to have the command retried, then failed
   */
  Object handle(ReceivedCommand command) throws Exception;
}
