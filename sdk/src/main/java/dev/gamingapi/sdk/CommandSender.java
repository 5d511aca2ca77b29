package dev.gamingapi.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

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
 * command, nothing queued), {@link NotPermittedException}, {@link ResourceNotFoundException}.
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
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;

  private CommandSender(Builder builder) {
    this.base =
        stripSlash(builder.url) + "/api/v1/accounts/" + encode(builder.account) + "/servers/";
    this.token = builder.token;
    this.timeout = builder.timeout;
    this.http = HttpClient.newBuilder().connectTimeout(builder.timeout).build();
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
   * @throws ApiProblemException for other refusals; {@link GamingApiException} when the API cannot
   *     be reached
   */
  public SentCommand send(String server, String name, Object args, SendOptions options) {
    ObjectNode body = JSON.createObjectNode().put("name", name);
    if (args != null) {
      body.set("args", JSON.valueToTree(args));
    }
    SendOptions o = options == null ? SendOptions.none() : options;
    if (o.ttl() != null) {
      body.put("ttl_seconds", o.ttl().toSeconds());
    }
    if (o.notBefore() != null) {
      body.put("not_before", o.notBefore().toString());
    }
    if (o.idempotencyKey() != null) {
      body.put("idempotency_key", o.idempotencyKey());
    }
    HttpResponse<String> response = exchange("POST", commands(server), body);
    return command(response, response.statusCode() == 202);
  }

  /**
   * Command {@code id} of game server {@code server}, with its current status and result.
   *
   * @throws ResourceNotFoundException when there is no such command on that server
   */
  public SentCommand get(String server, String id) {
    return command(exchange("GET", commands(server) + "/" + encode(id), null), false);
  }

  @Override
  public void close() {
    http.close();
  }

  private String commands(String server) {
    return base + encode(server) + "/commands";
  }

  private HttpResponse<String> exchange(String method, String url, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new GamingApiException("cannot reach the GamingAPI at " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GamingApiException("interrupted while calling " + url, e);
    }
    if (response.statusCode() >= 400) {
      throw problem(response);
    }
    return response;
  }

  private static SentCommand command(HttpResponse<String> response, boolean queuedNow) {
    JsonNode json = read(response.body());
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

  /** The typed exception for a problem answer; a body that is not a problem still gets one. */
  static ApiProblemException problem(HttpResponse<String> response) {
    int status = response.statusCode();
    JsonNode json;
    try {
      json = read(response.body());
    } catch (GamingApiException e) {
      json = JSON.createObjectNode();
    }
    String typeUri = json.path("type").asText("");
    String type =
        typeUri.isEmpty() ? "http-" + status : typeUri.substring(typeUri.lastIndexOf('/') + 1);
    String detail = json.path("detail").asText(json.path("title").asText("HTTP " + status));
    JsonNode errors = json.has("errors") ? json.get("errors") : null;
    return switch (status) {
      case 400, 409, 413 -> new InvalidCommandException(status, type, detail, errors);
      case 401, 403 -> new NotPermittedException(status, type, detail, errors);
      case 404 -> new ResourceNotFoundException(status, type, detail, errors);
      default -> new ApiProblemException(status, type, detail, errors);
    };
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text == null || text.isEmpty() ? "{}" : text);
    } catch (JsonProcessingException e) {
      throw new GamingApiException("the GamingAPI answered something that is not JSON", e);
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(Objects.requireNonNull(segment), StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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
