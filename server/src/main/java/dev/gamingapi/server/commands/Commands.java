package dev.gamingapi.server.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.command.CommandMessage;
import dev.gamingapi.contract.event.EventIds;
import dev.gamingapi.server.accounts.AccountChange;
import dev.gamingapi.server.broker.PullPolicy;
import dev.gamingapi.server.broker.TenantLink;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.common.Times;
import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.tenancy.TenancyServices;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands to game servers: sending (checked, de-duplicated by idempotency key, stored in the
 * tenant's {@code COMMANDS} stream), the durable consumer of every registered server, and status
 * tracking from the {@code command.*} events the game servers publish.
 */
public final class Commands implements AutoCloseable {
  private final TenancyServices tenancy;
  private final CommandStore store;
  private final CommandChecks checks;
  private final TenantRegistry tenants;
  private final CommandLatency latency;
  private final CommandTypes types;
  private final Clock clock;

  private Commands(
      TenancyServices tenancy,
      Database database,
      PullPolicy pulls,
      TenantLink.Opener links,
      Clock clock) {
    this.tenancy = tenancy;
    this.store = new CommandStore(database.jdbi(), clock);
    this.checks = new CommandChecks(tenancy, clock);
    this.latency = new CommandLatency(clock);
    this.tenants = new TenantRegistry(tenancy, store, pulls, links, latency);
    this.types = new CommandTypes(database.jdbi(), database.readJdbi(), clock);
    this.clock = clock;
  }

  /**
   * Starts tracking every tenant (and those created later) and creates the command consumer of
   * every registered server (and of those registered later). Call after the control plane.
   *
   * @param pulls how the tenants' result trackers pull, and when idle ones park
   * @param links the tenants' connections, shared with the platform's other work in them
   * @param clock what the commands' times to live count from
   */
  public static Commands start(
      TenancyServices tenancy,
      Database database,
      PullPolicy pulls,
      TenantLink.Opener links,
      Clock clock) {
    Commands commands = new Commands(tenancy, database, pulls, links, clock);
    tenancy.accounts().onChange(commands.tenants::accountChanged);
    tenancy
        .accounts()
        .onChange(
            (account, change) -> {
              if (change == AccountChange.DELETED) {
                commands.types.deleteAccount(account.name());
              }
            });
    tenancy
        .servers()
        .onRegister((account, server) -> commands.tenant(account).ensureConsumer(server.id()));
    return commands;
  }

  /**
   * Opens the platform's connection and result tracking in {@code account} if they are not open
   * yet, as the start of the platform does for every tenant (in the background, once the REST API
   * serves); a send to a tenant not opened yet opens it at once. A failure is logged.
   */
  public void open(String account) {
    tenants.openLogged(account);
  }

  /**
   * Sends a command to {@code server}. With an idempotency key already used for this server, the
   * command sent then is answered and nothing is queued again.
   *
   * @return the command and whether this call queued it (false: a repeat of an earlier send)
   * @throws NotFoundException when the account or server does not exist
   * @throws InvalidRequestException naming a bad field
   * @throws CommandTooLargeException when the command exceeds the tenant's max payload
   */
  public Sent send(String account, String server, CommandSpec spec) {
    tenancy.servers().get(account, server);
    CommandMessage message = checks.message(account, EventIds.next(), spec);
    types.check(account, server, message.name(), message.args());
    if (spec.idempotencyKey() != null) {
      var earlier = store.findByKey(account, server, spec.idempotencyKey());
      if (earlier.isPresent()) {
        return repeat(account, server, earlier.get(), message);
      }
    }
    Instant now = Times.now(clock);
    Command command =
        new Command(
            message.commandId(),
            server,
            message.name(),
            message.args(),
            CommandStatus.QUEUED.wire(),
            null,
            null,
            null,
            spec.idempotencyKey(),
            message.notBefore(),
            message.expiresAt(),
            now,
            now);
    if (!store.insert(account, command)) { // the same key, sent concurrently
      return repeat(
          account,
          server,
          store.findByKey(account, server, spec.idempotencyKey()).orElseThrow(),
          message);
    }
    TenantCommands tenant = tenant(account);
    try {
      tenant.ensureConsumer(server);
      store.stored(account, command.id(), tenant.publish(server, message));
    } catch (RuntimeException e) {
      store.delete(account, command.id()); // nothing queued: the sender may simply retry
      throw e;
    }
    return new Sent(command, true);
  }

  /**
   * @throws NotFoundException when the account, the server or the command does not exist
   */
  public Command get(String account, String server, String id) {
    tenancy.servers().get(account, server);
    CommandStore.Row row =
        store
            .find(account, id)
            .filter(r -> r.command().server().equals(server))
            .orElseThrow(() -> new NotFoundException("command", id));
    return live(account, row);
  }

  /** A page of {@code server}'s commands, newest first; any filter may be null. */
  public Page<Command> history(
      String account, String server, String status, String name, Instant since, PageRequest page) {
    tenancy.servers().get(account, server);
    CommandStatus wanted = null;
    if (status != null) {
      try {
        wanted = CommandStatus.of(status);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            "status", "must be one of queued, delivered, succeeded, failed, expired");
      }
    }
    if (name != null) {
      checks.name(name);
    }
    Page<CommandStore.Row> rows = store.history(account, server, wanted, name, since, page);
    long delivered = -1;
    var items = new ArrayList<Command>();
    for (CommandStore.Row row : rows.items()) {
      if (row.command().status().equals(CommandStatus.QUEUED.wire()) && delivered < 0) {
        delivered = deliveredUpTo(account, server);
      }
      items.add(withDelivery(row, delivered));
    }
    return new Page<>(items, rows.nextCursor());
  }

  /**
   * Registers command {@code name} for {@code server}, or replaces its schema: from now on it may
   * be sent with arguments matching {@code argsSchema}.
   *
   * @throws InvalidRequestException for a bad name or a schema that is not a usable JSON Schema of
   *     an object
   */
  public CommandType registerType(String account, String server, String name, JsonNode argsSchema) {
    tenancy.servers().get(account, server);
    return types.register(account, server, checks.name(name), argsSchema);
  }

  /** The command names registered for {@code server}, by name. */
  public List<CommandType> types(String account, String server) {
    tenancy.servers().get(account, server);
    return types.list(account, server);
  }

  /**
   * @throws NotFoundException when {@code name} is not registered for the server
   */
  public void deleteType(String account, String server, String name) {
    tenancy.servers().get(account, server);
    types.delete(account, server, name);
  }

  /** What a send did. */
  public record Sent(Command command, boolean queued) {}

  private Sent repeat(
      String account, String server, CommandStore.Row earlier, CommandMessage asked) {
    Command command = earlier.command();
    if (!command.name().equals(asked.name()) || !command.args().equals(asked.args())) {
      throw new InvalidRequestException(
          "idempotency_key",
          "was used for another command ("
              + command.id()
              + ", "
              + command.name()
              + ") to this server");
    }
    if (earlier.streamSeq() == null) {
      // The first send did not finish (or is finishing now): publish again under the same id, which
      // the stream stores once within its de-duplication window.
      TenantCommands tenant = tenant(account);
      tenant.ensureConsumer(server);
      CommandMessage original =
          new CommandMessage(
              command.id(),
              command.name(),
              command.args(),
              command.notBefore(),
              command.expiresAt());
      store.stored(account, command.id(), tenant.publish(server, original));
    }
    return new Sent(live(account, store.find(account, command.id()).orElseThrow()), false);
  }

  private Command live(String account, CommandStore.Row row) {
    long delivered =
        row.command().status().equals(CommandStatus.QUEUED.wire())
            ? deliveredUpTo(account, row.command().server())
            : -1;
    return withDelivery(row, delivered);
  }

  /**
   * A queued command the consumer has handed out is delivered (the broker knows, not the table).
   */
  private static Command withDelivery(CommandStore.Row row, long deliveredUpTo) {
    boolean delivered =
        row.command().status().equals(CommandStatus.QUEUED.wire())
            && row.streamSeq() != null
            && row.streamSeq() <= deliveredUpTo;
    return delivered ? row.command().withStatus(CommandStatus.DELIVERED) : row.command();
  }

  private long deliveredUpTo(String account, String server) {
    try {
      return tenant(account).deliveredUpTo(server);
    } catch (RuntimeException e) {
      return -1; // shown as queued
    }
  }

  /**
   * Counts on {@code metrics} the repairs of the tenants' result trackers ({@code
   * gamingapi_platform_consumer_repairs_total}) and times commands from creation to result ({@code
   * gamingapi_command_duration_seconds}).
   */
  public void bindMetrics(MeterRegistry metrics) {
    FunctionCounter.builder("gamingapi.platform.consumer.repairs", tenants, TenantRegistry::repairs)
        .description("platform consumers found missing or changed and recreated")
        .tag("consumer", TenantCommands.TRACKER)
        .register(metrics);
    latency.bind(metrics);
  }

  private TenantCommands tenant(String account) {
    return tenants.get(account);
  }

  /** Stops every tenant's connection. */
  @Override
  public void close() {
    tenants.close();
  }
}
