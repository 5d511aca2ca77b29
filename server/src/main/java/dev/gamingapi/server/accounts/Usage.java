package dev.gamingapi.server.accounts;

/**
 * What an account uses of its plan, as the broker counts it.
 *
 * @param account the account
 * @param plan its plan's name
 * @param memory bytes of memory storage
 * @param disk bytes of file storage
 * @param streams streams
 * @param consumers consumers (the broker limits them per stream; this is the total)
 * @param connections open client connections
 * @param replicas the replicas of the account's streams (1 on a single node, 3 on a cluster);
 *     memory and disk count every replica, as the broker charges them, so their limits are the
 *     plan's times this
 */
public record Usage(
    String account,
    String plan,
    Quota memory,
    Quota disk,
    Quota streams,
    Quota consumers,
    Quota connections,
    int replicas) {
  /**
   * One measure against its limit.
   *
   * @param used what is used now
   * @param limit what the plan allows
   */
  public record Quota(long used, long limit) {}
}
