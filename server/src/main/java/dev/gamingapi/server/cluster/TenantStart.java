package dev.gamingapi.server.cluster;

/**
 * Why a {@link TenantWorker} starts on a tenant: the tenant is new, or the instance takes it on.
 */
public enum TenantStart {
  /** The tenant was created moments ago: its log is read from the start, so no event is missed. */
  FRESH,
  /**
   * The tenant existed before (at the instance's start, or taken over from another instance): its
   * work goes on from where it stands.
   */
  EXISTING
}
