package dev.gamingapi.server.oauth;

import dev.gamingapi.server.access.User;
import java.time.Duration;
import java.util.List;

/**
 * An owner signed in on the consent page: what it may give and the secrets that bind the decision
 * to this browser ({@code session}, in an HttpOnly cookie) and this page ({@code csrf}, in the
 * form).
 *
 * @param pending the request being decided
 * @param account the owner's account
 * @param owner the owner user
 * @param servers the account's registered servers, which the owner may pick from
 * @param lifetimes how long the grant may last, the default first (none past the owner's expiry)
 * @param session the session secret for the cookie; stored hashed
 * @param csrf the form's token; compared with the stored one
 */
public record Consent(
    PendingAuthorization pending,
    String account,
    User owner,
    List<String> servers,
    List<Duration> lifetimes,
    String session,
    String csrf) {
  /** Keeps the secrets out of logs. */
  @Override
  public String toString() {
    return "Consent[account=" + account + ", owner=" + owner.name() + ", session=****]";
  }
}
