package dev.gamingapi.server.cluster;

/**
 * Per-tenant work that runs on one instance at a time (read models, notifications), started and
 * stopped by a {@link TenantOwnership}.
 */
public interface TenantWorker {
  /** Starts the tenant's work on this instance; {@code start} says whether the tenant is new. */
  void start(String account, TenantStart start);

  /** Stops the tenant's work on this instance; it may start on another. */
  void stop(String account);
}
