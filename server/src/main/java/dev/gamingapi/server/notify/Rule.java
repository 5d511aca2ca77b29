package dev.gamingapi.server.notify;

import java.time.Instant;
import java.util.List;

/**
 * A notification rule of one tenant: which events of which servers go to which endpoint.
 *
 * @param id {@code ntf_} and 22 base64url characters, made by the platform
 * @param account the tenant
 * @param name a label for people
 * @param kind {@code discord} (an embed) or {@code webhook} (signed JSON)
 * @param url the endpoint; a secret in itself for Discord (its last segment is the token), so only
 *     {@link #redactedUrl()} ever leaves the platform
 * @param secret the HMAC key of a webhook rule; null for Discord
 * @param eventTypes the event types it fires on ({@code player.*} for a family); empty: all
 * @param servers the servers it fires on; empty: all
 * @param template the message text with {@code {{placeholders}}}, or null for the default
 * @param ratePerMinute at most this many deliveries a minute
 * @param pausedAt when it was paused, or null while active
 * @param pausedReason why it was paused, or null
 * @param failingSince the start of the current run of failed attempts, or null
 * @param lastSeq the stream sequence of the last event it handled
 */
public record Rule(
    String id,
    String account,
    String name,
    String kind,
    String url,
    String secret,
    List<String> eventTypes,
    List<String> servers,
    String template,
    int ratePerMinute,
    Instant pausedAt,
    String pausedReason,
    Instant failingSince,
    long lastSeq,
    Instant createdAt,
    Instant updatedAt) {
  /** The kind that posts Discord embeds. */
  public static final String DISCORD = "discord";

  /** The kind that posts signed JSON. */
  public static final String WEBHOOK = "webhook";

  /** Copies the lists. */
  public Rule {
    eventTypes = List.copyOf(eventTypes);
    servers = List.copyOf(servers);
  }

  /** Whether it is paused. */
  public boolean paused() {
    return pausedAt != null;
  }

  /** Whether it fires on event {@code type} of {@code server}. */
  public boolean matches(String type, String server) {
    if (!servers.isEmpty() && !servers.contains(server)) {
      return false;
    }
    if (eventTypes.isEmpty()) {
      return !type.equals("server.heartbeat"); // nobody wants a message every 30 seconds
    }
    for (String pattern : eventTypes) {
      if (pattern.equals(type)
          || (pattern.endsWith(".*")
              && type.startsWith(pattern.substring(0, pattern.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** The URL without what may be secret in it; see {@link UrlGuard#redact}. */
  public String redactedUrl() {
    return UrlGuard.redact(url, kind);
  }
}
