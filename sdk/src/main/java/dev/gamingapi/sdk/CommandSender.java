package dev.gamingapi.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.sdk.rest.RestClient;
import dev.gamingapi.sdk.rest.RestResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sends commands to game servers from a bot, a web backend or a script, and follows them to their
 * result. It talks to the platform's REST API ({@code POST
 * /api/v1/accounts/{account}/servers/{server}/commands}), not to NATS: the platform checks the name
 * and arguments against the registered types, de-duplicates by idempotency key, records the command
 * and tracks its status from the game server's events. Publishing straight into the {@code
 * COMMANDS} stream would bypass all of that (and app credentials may not publish there anyway).
 *
 * <p>The token is an owner's, or an app user's created with {@code may_send_commands} (which may
 * send only to the servers in its {@code servers} scope). Refusals are thrown as {@link
 * ApiProblemException}s carrying the problem's detail: {@link InvalidCommandException} (bad
 * command, nothing queued), {@link NotPermittedException}, {@link ResourceNotFoundException}; an
 * API that does not answer, as an {@link ApiUnreachableException}. It is a {@link RestClient} that
 * knows the commands' paths and bodies.
 *
 * <pre>{@code
 * try (CommandSender sender = CommandSender.builder()
 *     .url("https://api.example.com").account("acme").token(token).build()) {
 *   SentCommand sent = sender.send("eu-1", "kick", Map.of("player_id", "7656"),
 *       SendOptions.none().withTtl(Duration.ofMinutes(5)).withIdempotencyKey("kick-7656-1"));
 *   String status = sender.get("eu-1", sent.id()).status();
 * }
 * }</pre>
 *
 * <p>Thread-safe; one instance per platform and token is enough.
 */
public final class CommandSender implements AutoCloseable {
  // The arguments are the caller's own JSON: written with Jackson's defaults, as given, rather than
  // renamed to the API's snake_case like the request around them.
  private static final ObjectMapper ARGS = new ObjectMapper();

  private final String account;
  private final RestClient rest;

  private CommandSender(Builder builder) {
    this.account = builder.account;
    this.rest =
        RestClient.builder()
            .url(builder.url)
            .token(builder.token)
            .connectTimeout(builder.timeout)
            .requestTimeout(builder.timeout)
            .build();
  }

  /** A builder; {@code url}, {@code account} and {@code token} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends command {@code name} to game server {@code server}.
   *
   * @param args its arguments: anything Jackson writes as a JSON object (a map, a record, an
   *     ObjectNode), or null for none
   * @param options time to live, not-before time, idempotency key; null for none
   * @return the command: {@link SentCommand#queuedNow()} false when the idempotency key found one
   *     sent before
   * @throws InvalidCommandException for a bad name, arguments, time or key: nothing was queued
   * @throws NotPermittedException when the token may not send to this server
   * @throws ResourceNotFoundException for an unknown account or server
   * @throws ApiProblemException for other refusals; {@link ApiUnreachableException} when the API
   *     cannot be reached
   */
  public SentCommand send(String server, String name, Object args, SendOptions options) {
    SendOptions o = options == null ? SendOptions.none() : options;
    NewCommand command =
        new NewCommand(
            name,
            args == null ? null : ARGS.valueToTree(args),
            o.ttl() == null ? null : o.ttl().toSeconds(),
            o.notBefore(),
            o.idempotencyKey());
    RestResponse response = call(() -> rest.send("POST", commands(server), command));
    // 202: queued now; 200: the idempotency key found the command sent before.
    return command(response.body(), response.status() == 202);
  }

  /**
   * Command {@code id} of game server {@code server}, with its current status and result.
   *
   * @throws ResourceNotFoundException when there is no such command on that server
   */
  public SentCommand get(String server, String id) {
    return command(call(() -> rest.get(commands(server) + RestClient.path(id))), false);
  }

  @Override
  public void close() {
    rest.close();
  }

  /** The body of {@code POST .../commands}; null parts are left out. */
  private record NewCommand(
      String name, JsonNode args, Long ttlSeconds, Instant notBefore, String idempotencyKey) {}

  private String commands(String server) {
    return RestClient.path("accounts", account, "servers", server, "commands");
  }

  /** Runs a call, narrowing a refused request to a refused command. */
  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (InvalidRequestException e) {
      throw new InvalidCommandException(e.status(), e.type(), e.detail(), e.errors());
    }
  }

  private static SentCommand command(JsonNode json, boolean queuedNow) {
    return new SentCommand(
        json.path("id").asText(),
        json.path("server").asText(),
        json.path("name").asText(),
        json.path("status").asText(),
        json.path("output").isMissingNode() || json.path("output").isNull()
            ? null
            : json.path("output"),
        json.path("error").isTextual() ? json.path("error").asText() : null,
        queuedNow);
  }

  /** Settings of a {@link CommandSender}. */
  public static final class Builder {
    private String url;
    private String account;
    private String token;
    private Duration timeout = Duration.ofSeconds(30);

    private Builder() {}

    /** The API's base URL, e.g. {@code https://api.example.com} (without {@code /api/v1}). */
    public Builder url(String value) {
      this.url = value;
      return this;
    }

    /** The account (tenant) whose servers the commands are for. */
    public Builder account(String value) {
      this.account = value;
      return this;
    }

    /** The bearer token: an owner's, or an app's created with {@code may_send_commands}. */
    public Builder token(String value) {
      this.token = value;
      return this;
    }

    /** Connect and request timeout (default 30 s). */
    public Builder timeout(Duration value) {
      this.timeout = Objects.requireNonNull(value);
      return this;
    }

    /**
     * The sender.
     *
     * @throws IllegalStateException when the url, account or token is missing
     */
    public CommandSender build() {
      if (url == null || account == null || token == null) {
        throw new IllegalStateException("url, account and token are required");
      }
      return new CommandSender(this);
    }
  }
}
