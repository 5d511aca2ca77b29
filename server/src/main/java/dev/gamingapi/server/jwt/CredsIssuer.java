package dev.gamingapi.server.jwt;

import dev.gamingapi.contract.command.CommandChannel;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.broker.EventStreamSpec;
import dev.gamingapi.server.broker.PlatformConsumers;
import dev.gamingapi.server.keys.KeyVault;
import io.nats.client.NKey;
import io.nats.client.support.JwtUtils;
import io.nats.client.support.JwtUtils.Permission;
import io.nats.client.support.JwtUtils.UserClaim;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issues user credentials of one account, signed by the account's signing key.
 *
 * <p>Every credential gets a fresh user key: a revocation blocks every JWT of a user key issued up
 * to its time, so reusing keys would revoke credentials that were meant to stay valid.
 */
public final class CredsIssuer {
  /** The tag that names a game server's id in its user JWT. */
  public static final String SERVER_TAG_PREFIX = "server:";

  /** The subjects of every event of an account, as an app's scope names them. */
  public static final String ALL_EVENTS = Subjects.ALL_SERVERS;

  /**
   * How the JWT name of every internal user starts; no tenant user can be named so (user names have
   * no spaces), which is how the platform tells its own connections in a tenant apart.
   */
  public static final String INTERNAL_USER_PREFIX = "platform ";

  /** The tag that names an app's private inbox prefix in its user JWT. */
  public static final String INBOX_TAG_PREFIX = "inbox:";

  private final String accountPublicKey;
  private final NKey accountSigningKey;

  /** An issuer for the account {@code accountPublicKey}, signing with {@code accountSigningKey}. */
  public CredsIssuer(String accountPublicKey, NKey accountSigningKey) {
    this.accountPublicKey = accountPublicKey;
    this.accountSigningKey = accountSigningKey;
  }

  /**
   * Creds of the tenant's owner: everything in the account but what would break the platform's own
   * consumers (deleting, changing or draining them, {@link PlatformConsumers#deniedToTenants}):
   * refused by the broker rather than repaired after an accident.
   */
  public UserCreds owner(String name) {
    return owner(name, null);
  }

  /** Owner creds that expire after {@code lifetime} (null: never). */
  public UserCreds owner(String name, Duration lifetime) {
    UserClaim claim =
        new UserClaim(accountPublicKey)
            .pub(new Permission().deny(PlatformConsumers.deniedToTenants().toArray(String[]::new)));
    return issue(name, lifetime, claim);
  }

  /**
   * Creds of a read-only app: it may read the events on {@code eventSubjects} (live, and by
   * creating JetStream consumers filtered to those subjects) and publish nothing else than the
   * JetStream API requests that reading needs. Its replies come on its own inbox prefix {@code
   * _APP_INBOX_<name>} (JWT tag {@code inbox:<prefix>}, which the SDK reader applies), so that it
   * cannot read other users' replies.
   *
   * <p>On consumers it may create, look up, pull from and ack its own, and never delete one nor
   * touch the platform's ({@link PlatformConsumers}): its own are the ones it created, whose names
   * (random, made by the client) no other user knows, as it cannot list consumers.
   *
   * <p>Consumer creation is limited by subject: nats-server 2.9 names the filter in the create
   * request's subject ({@code $JS.API.CONSUMER.CREATE.<stream>.<consumer>.<filter>}), so a consumer
   * on any other filter, or on none, is refused by the broker.
   */
  public UserCreds app(String name, List<String> eventSubjects, Duration lifetime) {
    String inbox = "_APP_INBOX_" + name; // never a game server's _INBOX_<id>
    List<String> publish = new ArrayList<>();
    publish.add("$JS.API.INFO");
    publish.add("$JS.API.STREAM.INFO.EVENTS");
    publish.add("$JS.API.CONSUMER.INFO.EVENTS.*");
    publish.add("$JS.API.CONSUMER.MSG.NEXT.EVENTS.*");
    publish.add("$JS.ACK.EVENTS.>");
    publish.add("$JS.FC.EVENTS.>"); // flow-control replies of ordered (push) consumers
    List<String> subscribe = new ArrayList<>();
    subscribe.add(inbox + ".>");
    for (String subject : eventSubjects) {
      publish.add("$JS.API.CONSUMER.CREATE.EVENTS.*." + subject);
      subscribe.add(subject);
    }
    if (eventSubjects.contains(ALL_EVENTS)) {
      // Every event is the app's to read: an unfiltered consumer (create request without a filter
      // token, which jnats sends for the filter '>') shows it nothing more.
      publish.add("$JS.API.CONSUMER.CREATE.EVENTS.*");
    }
    UserClaim claim =
        new UserClaim(accountPublicKey)
            .pub(
                new Permission()
                    .allow(publish.toArray(String[]::new))
                    .deny(appDenied().toArray(String[]::new)))
            .sub(new Permission().allow(subscribe.toArray(String[]::new)))
            .tags(INBOX_TAG_PREFIX + inbox);
    return issue(name, lifetime, claim);
  }

  /** An app may not even look up the platform's consumers. */
  private static List<String> appDenied() {
    List<String> denied = new ArrayList<>(PlatformConsumers.deniedToTenants());
    for (String name : PlatformConsumers.ON_EVENTS) {
      denied.add("$JS.API.CONSUMER.INFO." + EventStreamSpec.NAME + "." + name);
    }
    return denied;
  }

  /**
   * Creds of game server {@code serverId}: it publishes only its own events and receives only
   * replies on its own inbox prefix {@code _INBOX_<serverId>.}, so it cannot read other users'
   * replies on {@code _INBOX.>}. Its client must set {@code Options.Builder.inboxPrefix("_INBOX_" +
   * serverId)}; the id is in the JWT tag {@code server:<serverId>}.
   *
   * <p>It also consumes its own commands: it may pull from, ack on and look up only its own durable
   * consumer on the {@code COMMANDS} stream, which the platform creates (so the credential needs no
   * right to create or delete consumers, and cannot pull another server's consumer).
   */
  public UserCreds gameServer(String serverId) {
    return gameServer(serverId, null);
  }

  /** Game-server creds that expire after {@code lifetime} (null: never). */
  public UserCreds gameServer(String serverId, Duration lifetime) {
    UserClaim claim =
        new UserClaim(accountPublicKey)
            .pub(new Permission().allow(gameServerPublish(serverId)))
            .sub(new Permission().allow(Subjects.inboxPrefix(serverId) + ".>"))
            .tags(SERVER_TAG_PREFIX + serverId);
    return issue("server " + serverId, lifetime, claim);
  }

  private static String[] gameServerPublish(String serverId) {
    List<String> publish = new ArrayList<>(List.of(Subjects.publishableBy(serverId)));
    String stream = CommandChannel.STREAM;
    String consumer = CommandChannel.consumer(serverId);
    publish.add("$JS.API.CONSUMER.MSG.NEXT." + stream + "." + consumer);
    publish.add("$JS.API.CONSUMER.INFO." + stream + "." + consumer);
    publish.add("$JS.ACK." + stream + "." + consumer + ".>");
    return publish.toArray(String[]::new);
  }

  /**
   * Short-lived creds for the platform's own work in the account (stream provisioning). Kept in
   * memory only.
   */
  public UserCreds internal(String purpose, Duration lifetime) {
    return issue(INTERNAL_USER_PREFIX + purpose, lifetime, new UserClaim(accountPublicKey));
  }

  /**
   * Creds of the platform's system-account user: it may only push and look up account JWTs, and ask
   * the JetStream meta leader which nodes form the cluster (every one of them must confirm a push).
   * Call on an issuer of the system account.
   */
  public UserCreds systemUser(Duration lifetime) {
    UserClaim claim =
        new UserClaim(accountPublicKey)
            .pub(
                new Permission()
                    .allow(
                        "$SYS.REQ.CLAIMS.>",
                        "$SYS.REQ.ACCOUNT.*.CLAIMS.>",
                        // connection counts for the platform's connection quotas and usage
                        "$SYS.REQ.ACCOUNT.*.CONNZ",
                        // the JetStream meta group: which nodes must confirm a push
                        "$SYS.REQ.SERVER.PING.JSZ"))
            // connect events, to report tenants over their connection quota
            .sub(new Permission().allow("_INBOX.>", "$SYS.ACCOUNT.*.CONNECT"));
    return issue("platform system user", lifetime, claim);
  }

  private UserCreds issue(String name, Duration lifetime, UserClaim claim) {
    NKey user = KeyVault.newUserKey();
    String userPublicKey = KeyVault.publicKeyOf(user);
    try {
      String jwt =
          JwtUtils.issueUserJWT(
              accountSigningKey,
              userPublicKey,
              name,
              lifetime,
              JwtUtils.currentTimeSeconds(),
              claim);
      return new UserCreds(jwt, new String(user.getSeed()), userPublicKey);
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidJwtException("cannot issue the user JWT of " + name, e);
    }
  }
}
