package dev.gamingapi.sdk;

/**
 * Thrown by a {@link CommandHandler} for a command that would fail the same way on every delivery:
 * an argument missing or malformed, a value the game refuses, a name it does not know. The {@link
 * CommandReceiver} then reports {@code command.failed} with this message at once, instead of
 * retrying it with backoff and holding the commands behind it for nothing.
 *
 * <pre>{@code
 * receiver.on("kick", cmd -> {
 *   String player = cmd.args().path("player_id").asText(null);
 *   if (player == null) {
 *     throw new CommandRejectedException("kick needs a player_id");
 *   }
 *   return game.kick(player);
 * });
 * }</pre>
 *
 * Any other exception is taken as a failure that a retry may cure (the game server is restarting, a
 * connection dropped).
 */
public class CommandRejectedException extends GamingApiException {
  /** A rejection whose message says what is wrong with the command, for its owner to read. */
  public CommandRejectedException(String message) {
    super(message);
  }

  /** A rejection with the exception that revealed it. */
  public CommandRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
