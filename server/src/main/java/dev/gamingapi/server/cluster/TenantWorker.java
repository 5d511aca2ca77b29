package dev.gamingapi.server.cluster;

/**
 * Per-tenant work that runs on one instance at a time (read models, notifications), started and
 * stopped by a {@link TenantOwnership}.
 */
public interface TenantWorker {
  /**
   * Starts the tenant's work on this instance.
   *
   * @param fresh whether the tenant was created moments ago (its log is read from the start)
   */
  void start(String account, boolean fresh);

  /** Stops the tenant's work on this instance; it may start on another. */
  void stop(String account);
}
