package dev.gamingapi.server.accounts;

import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.accounts.plans.Plan;
import dev.gamingapi.server.accounts.plans.PlanCatalog;
import dev.gamingapi.server.common.ConflictException;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.jwt.AccountClaims;
import dev.gamingapi.server.jwt.TenantGrants;
import dev.gamingapi.server.jwt.TenantGrants.StreamImport;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.lease.SingleWriter;
import dev.gamingapi.server.resolver.BrokerStorage;
import dev.gamingapi.server.resolver.ResolverClient;
import io.nats.client.NKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one writer of tenant account JWTs. Every change (plan, revocation, share) is made in the
 * database first; {@link #publish} then builds the JWT from the database, pushes it (the resolver
 * client verifies the signature first and reads the JWT back after) and stores it.
 *
 * <p>Two guards against a lost update (nats-server keeps the last push even when it is older): one
 * {@link SingleWriter} serialises writers (a lock in this process, and a short {@code jwt-writer}
 * lease per write when several instances share the database); the JWT's {@code iat} is a version,
 * strictly increasing per account, and the stored JWT is replaced only if it is still the one this
 * writer started from. A writer that loses rebuilds from the newer state.
 */
public final class AccountJwts {
  private final AccountStore accounts;
  private final ShareStore shares;
  private final KeyVault vault;
  private final NKey operatorSigner;
  private final ResolverClient resolver;
  private final PlanCatalog plans;
  private final int replicas;
  private final SingleWriter writer;
  private final Clock clock;

  public AccountJwts(
      AccountStore accounts,
      ShareStore shares,
      KeyVault vault,
      NKey operatorSigner,
      ResolverClient resolver,
      PlanCatalog plans,
      int replicas,
      SingleWriter writer,
      Clock clock) {
    this.accounts = accounts;
    this.shares = shares;
    this.vault = vault;
    this.operatorSigner = operatorSigner;
    this.resolver = resolver;
    this.plans = plans;
    this.replicas = replicas;
    this.writer = writer;
    this.clock = clock;
  }

  /** The JWT of {@code account} as it should be now, issued at {@code iat}. */
  String build(Account account, long iat) {
    Plan plan =
        plans
            .find(account.plan())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "account "
                            + account.name()
                            + " is on plan '"
                            + account.plan()
                            + "', which the configuration no longer has"));
    String signingKey =
        vault
            .publicKey(AccountKeys.signing(account.name()))
            .orElseThrow(() -> missingKey(account.name()));
    return AccountClaims.tenant(
        operatorSigner,
        account.publicKey(),
        account.name(),
        signingKey,
        plan,
        replicas,
        iat,
        grants(account));
  }

  // The database knows the account but the key store does not: seen when a platform with a new
  // data directory (whose keys.json holds the account keys) was pointed at an existing PostgreSQL.
  private static IllegalStateException missingKey(String account) {
    return new IllegalStateException(
        "the keys of account "
            + account
            + " are not in this platform's key store: was the database set up with another data"
            + " directory? Start the platform with the data directory the database was set up"
            + " with");
  }

  private TenantGrants grants(Account account) {
    TreeSet<String> exports = new TreeSet<>();
    for (Share share : shares.grantedBy(account.name())) {
      share.servers().forEach(server -> exports.add(eventsOf(server)));
    }
    List<StreamImport> imports = new ArrayList<>();
    for (Share share : shares.grantedTo(account.name())) {
      NKey exporterKey =
          vault
              .find(AccountKeys.identity(share.account()))
              .orElseThrow(() -> missingKey(share.account()));
      String exporter = KeyVault.publicKeyOf(exporterKey);
      for (String server : share.servers()) {
        String subject = eventsOf(server);
        imports.add(
            new StreamImport(
                "share " + share.id() + " " + server,
                subject,
                exporter,
                Share.localPrefix(share.account(), server) + ".>",
                TenantGrants.activation(
                    exporterKey,
                    account.publicKey(),
                    subject,
                    share.createdAt().getEpochSecond())));
      }
    }
    return new TenantGrants(accounts.revocations(account.name()), exports, imports);
  }

  private static String eventsOf(String server) {
    return Subjects.everythingOf(server);
  }

  /**
   * Builds the JWT of {@code name} from the database, pushes it and stores it.
   *
   * @throws ConflictException when other writers kept winning
   */
  public String publish(String name) {
    return writer.run(
        () -> {
          for (int attempt = 0; attempt < 3; attempt++) {
            AccountRow row =
                accounts.find(name).orElseThrow(() -> new NotFoundException("account", name));
            long iat = nextIssuedAt(row.jwtIssuedAt(), clock);
            String jwt = build(row.account(), iat);
            resolver.push(jwt);
            if (accounts.replaceJwt(name, jwt, iat, row.jwtIssuedAt())) {
              return jwt;
            }
          }
          throw new ConflictException(
              "account " + name + " is being changed by another writer; retry");
        });
  }

  /**
   * Pushes the first JWT of a new account (already stored), as the one writer.
   *
   * @param newKey whether the account's key was made for it now: then the resolver cannot hold an
   *     older JWT of it, and the push skips asking (which lists every account)
   */
  void pushNew(String jwt, boolean newKey) {
    writer.run(() -> newKey ? resolver.pushFirst(jwt) : resolver.push(jwt));
  }

  /**
   * At start: re-issues the JWT of every account whose stored JWT no longer matches the database or
   * the configuration (a plan redefined in the plans file), and pushes every stored JWT that the
   * resolver lacks (a broker whose store was lost). Whether the resolver holds the same JWT of an
   * account it lists is left to {@link #check}, per tenant in the background: a lookup each was
   * most of a start with thousands of tenants (7.4 s for 3,000 on a loaded 2-core machine).
   *
   * @return how many accounts were pushed
   */
  int reconcile() {
    return writer.run(this::reconcileNow);
  }

  private int reconcileNow() {
    int pushed = 0;
    Set<String> held = resolver.listAccounts();
    for (AccountRow row : accounts.all()) {
      // Ed25519 signatures are deterministic: same claims and iat give the same bytes.
      if (!build(row.account(), row.jwtIssuedAt()).equals(row.jwt())) {
        publish(row.name());
        pushed++;
      } else if (!held.contains(row.account().publicKey())) {
        resolver.push(row.jwt());
        pushed++;
      }
    }
    return pushed;
  }

  /**
   * Pushes the stored JWT of account {@code name} if the resolver holds another one (an older one,
   * from a broker store restored from a backup, say).
   *
   * @return whether a push was needed
   */
  boolean check(String name) {
    return writer.run(
        () -> accounts.find(name).map(row -> resolver.reconcile(row.jwt())).orElse(false));
  }

  /** Removes the account from the resolver: its connections drop, its JWT is gone. */
  void delete(String accountPublicKey) {
    writer.run(
        () ->
            resolver.delete(
                accountPublicKey,
                AccountClaims.deletion(operatorSigner, accountPublicKey, clock.millis() / 1000)));
  }

  /** Strictly after {@code previous}, and never before now on {@code clock}: the JWT's version. */
  static long nextIssuedAt(long previous, Clock clock) {
    return Math.max(clock.millis() / 1000, previous + 1);
  }

  /** What each broker node can still reserve for streams. */
  List<BrokerStorage> brokerStorage() {
    return resolver.storage();
  }
}
