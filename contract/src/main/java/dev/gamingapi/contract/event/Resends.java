package dev.gamingapi.contract.event;

import java.time.Duration;

/**
 * How long an event may be re-sent, which the SDK and the platform agree on: the SDK never sends an
 * event that has waited in its journal longer than {@link #MAX_JOURNAL_AGE} (it moves it to the
 * rejected file instead), and the platform remembers the id of an applied event for the tenant's
 * event retention plus that age, so a re-send within it is recognized (docs/history.md, repeated
 * events).
 */
public final class Resends {
  /** The longest an event may wait in a journal before being sent; re-sends included. */
  public static final Duration MAX_JOURNAL_AGE = Duration.ofDays(7);

  private Resends() {}
}
