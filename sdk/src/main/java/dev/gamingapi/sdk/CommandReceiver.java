package dev.gamingapi.sdk;

import dev.gamingapi.contract.subject.Ids;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives the commands sent to a game server and runs them with the handler registered for their
 * name, in the order they were sent, one at a time.
 *
 * <p>Commands wait in the tenant's {@code COMMANDS} stream while the server is offline; the
 * receiver pulls them from the server's own durable consumer when it connects. For each command it:
 *
 * <ul>
 *   <li>reports {@code command.expired}, without running it, when its time to live has passed;
 *   <li>puts it back until its not-before time, when that is still ahead;
 *   <li>runs the handler: a return acknowledges it and reports {@code command.succeeded} with the
 *       output; an exception retries it after a backoff (doubling from {@link
 *       Builder#retryBackoff}, at most 30 s) until {@link Builder#maxDeliveries} deliveries, then
 *       reports {@code command.failed} with the error; a {@link CommandRejectedException} reports
 *       {@code command.failed} at once, without retries;
 *   <li>reports {@code command.failed} for a name no handler is registered for.
 * </ul>
 *
 * <p>When the broker refuses the credentials for good (revoked or expired), the receiver logs one
 * line ({@code command receiver stopped: credentials revoked ...}), calls {@link
 * Builder#onCredentialsRefused} and stops, instead of reconnecting forever.
 *
 * <p>The reports are events of this server, published through its {@link GameServerClient} (so they
 * survive a lost connection like any event); a command is acknowledged only after its report is
 * journaled.
 *
 * <pre>{@code
 * try (GameServerClient client = GameServerClient.builder().credentials(creds).build();
 *     CommandReceiver commands =
 *         CommandReceiver.builder(client)
 *             .on("kick", cmd -> game.kick(cmd.args().path("player_id").asText()))
 *             .on("broadcast", cmd -> { game.say(cmd.args().path("text").asText()); return null; })
 *             .start()) {
 *   ...
 * }
 * }</pre>
 */
public final class CommandReceiver implements AutoCloseable {
  private final CommandPuller puller;

  private CommandReceiver(CommandPuller puller) {
    this.puller = puller;
  }

  /** A builder for the commands of {@code client}'s server, over its broker and credentials. */
  public static Builder builder(GameServerClient client) {
    return new Builder(Objects.requireNonNull(client, "client"));
  }

  /** Commands run to an end (succeeded, failed or expired) since start. */
  public long completed() {
    return puller.completed();
  }

  /** Stops pulling; a command being run finishes first (for up to 10 s). */
  @Override
  public void close() {
    puller.close();
  }

  /** Options of a {@link CommandReceiver}. */
  public static final class Builder {
    private final GameServerClient client;
    private final Map<String, CommandHandler> handlers = new HashMap<>();
    private int maxDeliveries = 5;
    private Duration retryBackoff = Duration.ofSeconds(1);
    private Consumer<CredentialsRefusedException> onCredentialsRefused;

    private Builder(GameServerClient client) {
      this.client = client;
    }

    /**
     * Runs commands called {@code name} with {@code handler}.
     *
     * @throws dev.gamingapi.contract.subject.InvalidIdException for a name outside [a-z0-9_]{1,64}
     * @throws IllegalArgumentException when the name has a handler already
     */
    public Builder on(String name, CommandHandler handler) {
      Ids.name("command name", name);
      Objects.requireNonNull(handler, "handler");
      if (handlers.putIfAbsent(name, handler) != null) {
        throw new IllegalArgumentException("command '" + name + "' has a handler already");
      }
      return this;
    }

    /** Deliveries of a command whose handler throws before it is failed; default 5. */
    public Builder maxDeliveries(int maxDeliveries) {
      if (maxDeliveries < 1 || maxDeliveries > 100) {
        throw new IllegalArgumentException("maxDeliveries must be 1 to 100, got " + maxDeliveries);
      }
      this.maxDeliveries = maxDeliveries;
      return this;
    }

    /** The wait before the first retry, doubled at each further one; default 1 s. */
    public Builder retryBackoff(Duration retryBackoff) {
      if (retryBackoff == null || retryBackoff.isNegative()) {
        throw new IllegalArgumentException("retryBackoff must be zero or more");
      }
      this.retryBackoff = retryBackoff;
      return this;
    }

    /**
     * Called once, on the receiver's thread, when the broker refuses the credentials for good
     * (revoked or expired); the receiver has stopped by then. Default: the client's {@link
     * GameServerClient.Builder#onCredentialsRefused} callback (which its sender calls too).
     */
    public Builder onCredentialsRefused(Consumer<CredentialsRefusedException> callback) {
      this.onCredentialsRefused = Objects.requireNonNull(callback, "callback");
      return this;
    }

    /** Starts pulling in the background; returns at once, even when the broker is down. */
    public CommandReceiver start() {
      CommandPuller puller =
          new CommandPuller(
              client,
              client.settings(),
              Map.copyOf(handlers),
              maxDeliveries,
              retryBackoff,
              onCredentialsRefused != null
                  ? onCredentialsRefused
                  : client.settings().onCredentialsRefused());
      puller.start();
      return new CommandReceiver(puller);
    }
  }
}
