package dev.gamingapi.server.notify;

import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.subject.Ids;
import dev.gamingapi.contract.subject.InvalidIdException;
import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.common.ConflictException;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Notification rules of tenants: create, read, change, delete, with every field checked. */
public final class Rules {
  /** Rules one tenant may have. */
  static final int MAX_RULES = 100;

  static final int DEFAULT_RATE = 30; // Discord allows about 30 messages a minute per webhook
  private static final int MAX_RATE = 600;
  private static final int MAX_NAME = 128;
  private static final int MAX_LIST = 64;
  private static final Pattern TYPE = Pattern.compile("[a-z]{1,32}\\.(\\*|[a-z0-9_.]{1,64})");
  private static final Pattern DISCORD_PATH = Pattern.compile(".*/api/webhooks/\\d+/[\\w-]+");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RuleStore store;
  private final Accounts accounts;
  private final UrlGuard guard;
  private final Consumer<String> changed;
  private final Clock clock;

  /**
   * @param changed told the account whose rules changed, so that delivery picks them up
   * @param clock stamps rules created, changed, paused and resumed
   */
  Rules(RuleStore store, Accounts accounts, UrlGuard guard, Consumer<String> changed, Clock clock) {
    this.store = store;
    this.accounts = accounts;
    this.guard = guard;
    this.changed = changed;
    this.clock = clock;
  }

  /** A rule and, for a webhook, its secret: the only time the secret is shown. */
  public record Created(Rule rule, String secret) {}

  /** Creates a rule in {@code account}; it fires on the events its tenant's feed reads next. */
  public Created create(String account, RuleSpec spec) {
    accounts.get(account); // 404 for an unknown account
    String kind = spec.kind();
    if (kind == null || kind.isEmpty()) {
      throw new InvalidRequestException("kind", "is required: discord or webhook");
    }
    if (!kind.equals(Rule.DISCORD) && !kind.equals(Rule.WEBHOOK)) {
      throw new InvalidRequestException("kind", "must be discord or webhook, got '" + kind + "'");
    }
    if (store.all(account).size() >= MAX_RULES) {
      throw new ConflictException("account '" + account + "' has " + MAX_RULES + " rules already");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String secret = kind.equals(Rule.WEBHOOK) ? "whsec_" + random(32) : null;
    Rule rule =
        new Rule(
            "ntf_" + random(16),
            account,
            name(spec.name() == null ? kind : spec.name()),
            kind,
            url(kind, spec.url()),
            secret,
            types(spec.eventTypes()),
            servers(spec.servers()),
            spec.template() == null ? null : Template.check("template", spec.template()),
            rate(spec.ratePerMinute()),
            null,
            null,
            null,
            0,
            now,
            now);
    if (Boolean.TRUE.equals(spec.paused())) {
      throw new InvalidRequestException("paused", "cannot be set on creation");
    }
    store.insert(rule);
    changed.accept(account);
    return new Created(rule, secret);
  }

  /**
   * @throws NotFoundException when {@code account} has no rule {@code id}
   */
  public Rule get(String account, String id) {
    return store.find(account, id).orElseThrow(() -> new NotFoundException("notification", id));
  }

  /** The rules of {@code account}, oldest first. */
  public Page<Rule> list(String account, PageRequest request) {
    accounts.get(account);
    return store.page(account, request);
  }

  /** Every rule of {@code account}, for delivery. */
  List<Rule> all(String account) {
    return store.all(account);
  }

  /** Changes what {@code spec} gives; {@code kind} cannot change. */
  public Rule update(String account, String id, RuleSpec spec) {
    Rule old = get(account, id);
    if (spec.kind() != null && !spec.kind().equals(old.kind())) {
      throw new InvalidRequestException("kind", "cannot change; create another rule");
    }
    boolean resume = Boolean.FALSE.equals(spec.paused());
    boolean pause = Boolean.TRUE.equals(spec.paused());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String template =
        spec.template() == null
            ? old.template()
            : spec.template().isEmpty() ? null : Template.check("template", spec.template());
    Rule rule =
        new Rule(
            old.id(),
            account,
            spec.name() == null ? old.name() : name(spec.name()),
            old.kind(),
            spec.url() == null ? old.url() : url(old.kind(), spec.url()),
            old.secret(),
            spec.eventTypes() == null ? old.eventTypes() : types(spec.eventTypes()),
            spec.servers() == null ? old.servers() : servers(spec.servers()),
            template,
            spec.ratePerMinute() == null ? old.ratePerMinute() : rate(spec.ratePerMinute()),
            resume ? null : pause && !old.paused() ? now : old.pausedAt(),
            resume ? null : pause && !old.paused() ? "paused by a user" : old.pausedReason(),
            resume ? null : old.failingSince(),
            old.lastSeq(),
            old.createdAt(),
            now);
    store.update(rule);
    changed.accept(account);
    return rule;
  }

  /** Deletes the rule and its delivery log. */
  public void delete(String account, String id) {
    if (!store.delete(account, id)) {
      throw new NotFoundException("notification", id);
    }
    changed.accept(account);
  }

  private String url(String kind, String url) {
    var uri = guard.check("url", url);
    if (kind.equals(Rule.DISCORD) && !DISCORD_PATH.matcher(uri.getPath()).matches()) {
      throw new InvalidRequestException(
          "url", "must be a Discord webhook URL ending in /api/webhooks/{id}/{token}");
    }
    return url;
  }

  private static String name(String name) {
    if (name.isBlank()) {
      throw new InvalidRequestException("name", "must not be blank");
    }
    for (char c : name.toCharArray()) {
      if (Character.isISOControl(c)) {
        throw new InvalidRequestException("name", "must not contain control characters");
      }
    }
    if (name.length() > MAX_NAME) {
      throw new InvalidRequestException("name", "must be at most " + MAX_NAME + " characters");
    }
    return name;
  }

  private static List<String> types(List<String> types) {
    if (types == null) {
      return List.of();
    }
    if (types.size() > MAX_LIST) {
      throw new InvalidRequestException("event_types", "must have at most " + MAX_LIST + " items");
    }
    for (String type : types) {
      if (type == null || !TYPE.matcher(type).matches()) {
        throw new InvalidRequestException(
            "event_types", "'" + type + "' is not an event type like player.connected or player.*");
      }
      boolean known =
          type.endsWith(".*")
              || EventCatalog.isCustom(type)
              || type.equals(HeartbeatWatch.UNRESPONSIVE)
              || EventCatalog.find(type).isPresent();
      if (!known) {
        throw new InvalidRequestException(
            "event_types", "'" + type + "' is not a known event type (docs/events.md)");
      }
    }
    return new ArrayList<>(new LinkedHashSet<>(types));
  }

  private static List<String> servers(List<String> servers) {
    if (servers == null) {
      return List.of();
    }
    if (servers.size() > MAX_LIST) {
      throw new InvalidRequestException("servers", "must have at most " + MAX_LIST + " items");
    }
    for (String server : servers) {
      try {
        Ids.server(server);
      } catch (InvalidIdException | NullPointerException e) {
        throw new InvalidRequestException("servers", "'" + server + "' " + Ids.ID_RULE);
      }
    }
    return new ArrayList<>(new LinkedHashSet<>(servers));
  }

  private static int rate(Integer rate) {
    if (rate == null) {
      return DEFAULT_RATE;
    }
    if (rate < 1 || rate > MAX_RATE) {
      throw new InvalidRequestException("rate_per_minute", "must be 1 to " + MAX_RATE);
    }
    return rate;
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
