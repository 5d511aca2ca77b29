package dev.gamingapi.server.cluster;

import dev.gamingapi.server.accounts.Account;
import dev.gamingapi.server.accounts.Accounts;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;

/** The single-instance case: every tenant, from start and as tenants come and go. */
final class AllTenants implements TenantOwnership {
  private final Accounts accounts;
  private final List<TenantWorker> workers = new CopyOnWriteArrayList<>();

  AllTenants(Accounts accounts) {
    this.accounts = accounts;
    accounts.onChange(
        (account, change) -> {
          for (TenantWorker worker : workers) {
            switch (change) {
              case CREATED -> worker.start(account.name(), TenantStart.FRESH);
              case DELETED -> worker.stop(account.name());
            }
          }
        });
  }

  @Override
  public void register(TenantWorker worker) {
    workers.add(worker);
    for (Account account : accounts.all()) {
      worker.start(account.name(), TenantStart.EXISTING);
    }
  }

  @Override
  public boolean owns(String account) {
    return true;
  }

  @Override
  public void check(Handle handle, String account) {}

  @Override
  public void restart(Handle handle, String account) {
    // The caller stops and starts the tenant itself, in this process.
  }

  @Override
  public void close() {}
}
