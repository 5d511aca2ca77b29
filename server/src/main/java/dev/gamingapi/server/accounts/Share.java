package dev.gamingapi.server.accounts;

import java.time.Instant;
import java.util.List;

/**
 * Read access to some of an account's servers' events, granted to another account.
 *
 * @param id {@code shr_} and 22 base64url characters
 * @param account the granting account
 * @param grantee the account that sees the events
 * @param servers the servers whose events it sees
 * @param createdAt when it was granted
 */
public record Share(
    String id, String account, String grantee, List<String> servers, Instant createdAt) {
  /** Copies the list. */
  public Share {
    servers = List.copyOf(servers);
  }

  /** Where the grantee's users see the events of {@code server}. */
  public static String localPrefix(String account, String server) {
    return "shared." + account + ".v1.servers." + server;
  }
}
