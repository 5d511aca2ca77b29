package dev.gamingapi.server.audit;

/**
 * Who makes a change, for the audit log.
 *
 * @param name {@code operator}, {@code user:<name>} or {@code platform}
 * @param remoteAddress the client's address, or null when the platform acts by itself
 */
public record Actor(String name, String remoteAddress) {
  /** The platform acting on its own (first start, reconciliation). */
  public static final Actor PLATFORM = new Actor("platform", null);
}
