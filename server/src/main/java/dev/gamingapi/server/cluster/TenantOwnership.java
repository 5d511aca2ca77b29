package dev.gamingapi.server.cluster;

import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.lease.LeaseLostException;
import org.jdbi.v3.core.Handle;

/**
 * Which tenants this instance processes: all of them ({@link #all}) when it is the only instance,
 * or those whose lease it holds ({@link TenantLeases}) when several instances share one broker and
 * database.
 */
public interface TenantOwnership extends AutoCloseable {
  /** Starts {@code worker} for the tenants owned now and as ownership changes. */
  void register(TenantWorker worker);

  /** Whether this instance processes {@code account} now. */
  boolean owns(String account);

  /**
   * Inside a transaction writing {@code account}'s processed state: fails it unless this instance
   * still owns the tenant, so an instance that lost a tenant (paused past its lease) cannot commit.
   *
   * @throws LeaseLostException when it does not
   */
  void check(Handle handle, String account);

  /**
   * Inside a transaction that resets {@code account}'s processed state (rebuild, erasure): the
   * owner, whichever instance it is, stops and starts the tenant again from the database.
   */
  void restart(Handle handle, String account);

  @Override
  void close();

  /** One instance processing every tenant: nothing to check. */
  static TenantOwnership all(Accounts accounts) {
    return new AllTenants(accounts);
  }
}
