package dev.gamingapi.server.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.common.Times;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Which command names a server takes: the built-in ones, and those its owner registered with a JSON
 * Schema of their arguments (a built-in name may be registered too, to check its arguments).
 */
public final class CommandTypes {
  /** Names every game server may be sent without registering them. */
  public static final Set<String> BUILT_IN =
      Set.of(
          "kick", "ban", "unban", "broadcast", "message", "restart", "change_map", "save", "ping");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_SCHEMA = 16 * 1024;
  // No remote or file references: a schema must not make the platform fetch anything.
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaLoader(
                  loader -> loader.fetchRemoteResources(false).block(iri -> true)));

  private final Jdbi jdbi;
  private final Jdbi reads;
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  private final Clock clock;

  /** Types written through {@code jdbi} and looked up (each command sent) through {@code reads}. */
  CommandTypes(Jdbi jdbi, Jdbi reads, Clock clock) {
    this.jdbi = jdbi;
    this.reads = reads;
    this.clock = clock;
  }

  /** Registers (or replaces) {@code name} for the server with {@code argsSchema}. */
  CommandType register(String account, String server, String name, JsonNode argsSchema) {
    compile(argsSchema);
    CommandType type = new CommandType(name, argsSchema, Times.now(clock));
    String text = CommandStore.text(argsSchema);
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "DELETE FROM command_types WHERE account = :a AND server = :s AND name = :n")
              .bind("a", account)
              .bind("s", server)
              .bind("n", name)
              .execute();
          h.createUpdate(
                  "INSERT INTO command_types (account, server, name, args_schema, created_at)"
                      + " VALUES (:a, :s, :n, :schema, :at)")
              .bind("a", account)
              .bind("s", server)
              .bind("n", name)
              .bind("schema", text)
              .bind("at", type.createdAt().toEpochMilli())
              .execute();
        });
    return type;
  }

  List<CommandType> list(String account, String server) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT name, args_schema, created_at FROM command_types"
                        + " WHERE account = :a AND server = :s ORDER BY name")
                .bind("a", account)
                .bind("s", server)
                .map((rs, ctx) -> type(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list());
  }

  /**
   * @throws NotFoundException when the name is not registered for the server
   */
  void delete(String account, String server, String name) {
    int deleted =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "DELETE FROM command_types WHERE account = :a AND server = :s AND name = :n")
                    .bind("a", account)
                    .bind("s", server)
                    .bind("n", name)
                    .execute());
    if (deleted == 0) {
      throw new NotFoundException("command type", name);
    }
  }

  void deleteAccount(String account) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM command_types WHERE account = :a")
                .bind("a", account)
                .execute());
  }

  /**
   * Passes when the server takes {@code name} with {@code args}.
   *
   * @throws InvalidRequestException naming {@code name} (neither built in nor registered) or {@code
   *     args} (not matching the registered schema, with the first problems)
   */
  void check(String account, String server, String name, JsonNode args) {
    Optional<CommandType> registered = find(account, server, name);
    if (registered.isEmpty()) {
      if (BUILT_IN.contains(name)) {
        return;
      }
      throw new InvalidRequestException(
          "name",
          "'"
              + name
              + "' is not a built-in command ("
              + String.join(", ", BUILT_IN.stream().sorted().toList())
              + ") and is not registered for server '"
              + server
              + "'");
    }
    JsonNode schemaNode = registered.get().argsSchema();
    Schema schema =
        compiled.computeIfAbsent(CommandStore.text(schemaNode), key -> compile(schemaNode));
    List<Error> errors = schema.validate(args);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(
          "args",
          "do not match the schema of '"
              + name
              + "': "
              + errors.stream()
                  .limit(3)
                  .map(CommandTypes::describe)
                  .collect(Collectors.joining("; ")));
    }
  }

  /**
   * One schema error: where in the args, then what. The validator's own text puts the location
   * first even when it is the args object itself, which read "'give_item': : required ...".
   */
  private static String describe(Error error) {
    String where = String.valueOf(error.getInstanceLocation());
    return where.isEmpty() ? error.getMessage() : where + ": " + error.getMessage();
  }

  private Optional<CommandType> find(String account, String server, String name) {
    return reads.withHandle(
        h ->
            h.createQuery(
                    "SELECT name, args_schema, created_at FROM command_types"
                        + " WHERE account = :a AND server = :s AND name = :n")
                .bind("a", account)
                .bind("s", server)
                .bind("n", name)
                .map((rs, ctx) -> type(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .findOne());
  }

  /** The schema compiled, or a refusal naming what is wrong with it. */
  private static Schema compile(JsonNode argsSchema) {
    if (argsSchema == null || !argsSchema.isObject()) {
      throw new InvalidRequestException("args_schema", "is required: a JSON Schema object");
    }
    if (!"object".equals(argsSchema.path("type").asText())) {
      throw new InvalidRequestException(
          "args_schema", "must describe an object: \"type\": \"object\"");
    }
    if (CommandStore.text(argsSchema).length() > MAX_SCHEMA) {
      throw new InvalidRequestException("args_schema", "must be at most " + MAX_SCHEMA + " bytes");
    }
    try {
      Schema schema = REGISTRY.getSchema(argsSchema);
      schema.validate(JSON.createObjectNode()); // resolves references now, not at the first send
      return schema;
    } catch (RuntimeException e) {
      throw new InvalidRequestException(
          "args_schema", "is not a usable JSON Schema (only local $ref): " + e.getMessage());
    }
  }

  private static CommandType type(String name, String schema, long createdAt) {
    try {
      return new CommandType(name, JSON.readTree(schema), Instant.ofEpochMilli(createdAt));
    } catch (IOException e) {
      throw new IllegalStateException("a stored command schema is not JSON", e);
    }
  }
}
