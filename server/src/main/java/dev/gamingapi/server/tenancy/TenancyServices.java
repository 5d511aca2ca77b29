package dev.gamingapi.server.tenancy;

import dev.gamingapi.server.access.ConnectionWatch;
import dev.gamingapi.server.access.OperatorToken;
import dev.gamingapi.server.access.Shares;
import dev.gamingapi.server.access.UserStore;
import dev.gamingapi.server.access.Users;
import dev.gamingapi.server.accounts.AccountJwts;
import dev.gamingapi.server.accounts.AccountStore;
import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.accounts.ConnectionCounter;
import dev.gamingapi.server.accounts.ShareStore;
import dev.gamingapi.server.accounts.TenantBroker;
import dev.gamingapi.server.accounts.plans.PlanCatalog;
import dev.gamingapi.server.audit.AuditLog;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.lease.SingleWriter;
import dev.gamingapi.server.resolver.ResolverClient;
import dev.gamingapi.server.servers.Servers;
import dev.gamingapi.server.store.Database;
import io.nats.client.Connection;
import io.nats.client.NKey;
import java.time.Clock;
import java.time.Duration;

/**
 * The tenancy services wired together: one entry point for the HTTP edge, the CLI and tests.
 *
 * @param plans the plans tenants can be on
 * @param accounts tenants
 * @param servers their registered game servers
 * @param users their users and credentials
 * @param shares read access granted between tenants
 * @param audit the audit trail
 * @param operatorToken the platform operator's API token
 * @param connectionWatch reports tenants over their connection quota
 */
public record TenancyServices(
    PlanCatalog plans,
    Accounts accounts,
    Servers servers,
    Users users,
    Shares shares,
    AuditLog audit,
    OperatorToken operatorToken,
    ConnectionWatch connectionWatch) {

  /**
   * Wires the services over {@code database}.
   *
   * @param replicas the replicas of tenant streams: account storage limits are the plan's times
   *     this, because nats-server 2.9 charges every replica to the account
   * @param quotaSuspension how long a user that takes its tenant over the connection quota is
   *     suspended; zero to only report it
   * @param jwtWriter serialises account-JWT writes, across instances when there are several
   * @param clock what decides expiries and suspensions, and stamps what is created
   */
  public static TenancyServices create(
      Database database,
      KeyVault vault,
      NKey operatorSigner,
      ResolverClient resolver,
      PlanCatalog plans,
      TenantBroker broker,
      Connection system,
      ConnectionCounter connections,
      int replicas,
      Duration quotaSuspension,
      SingleWriter jwtWriter,
      Clock clock) {
    var jdbi = database.jdbi();
    // Lookups go to the read pool: on SQLite the one writer connection is often in a read-model
    // batch, and a command sent over REST waited for it several times (./run-bench commands).
    AccountStore accountStore = new AccountStore(jdbi, database.readJdbi(), clock);
    ShareStore shareStore = new ShareStore(jdbi);
    AuditLog audit = new AuditLog(jdbi, clock);
    AccountJwts jwts =
        new AccountJwts(
            accountStore,
            shareStore,
            vault,
            operatorSigner,
            resolver,
            plans,
            replicas,
            jwtWriter,
            clock);
    Accounts accounts =
        new Accounts(
            accountStore, shareStore, jwts, vault, plans, broker, connections, audit, clock);
    Servers servers = new Servers(jdbi, database.readJdbi(), accounts, audit, clock);
    Users users =
        new Users(new UserStore(jdbi), accountStore, accounts, servers, jwts, audit, clock);
    Shares shares = new Shares(shareStore, accounts, servers, jwts, audit, clock);
    ConnectionWatch watch =
        new ConnectionWatch(
            system, accountStore, accounts, users, connections, audit, quotaSuspension);
    return new TenancyServices(
        plans, accounts, servers, users, shares, audit, new OperatorToken(jdbi), watch);
  }
}
