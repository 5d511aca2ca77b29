package dev.gamingapi.sdk.internal;

import dev.gamingapi.sdk.CredentialsRefusedException;
import dev.gamingapi.sdk.EventRejectedException;
import dev.gamingapi.sdk.JournalFullPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The checked options of a game-server client.
 *
 * @param url the broker URL
 * @param credentials the creds file, or {@code null} for a broker without auth
 * @param serverId the server id events are published as
 * @param journalDir the journal directory
 * @param maxInFlight most unacknowledged publishes at a time
 * @param journalMaxBytes most bytes of unacknowledged events in the journal
 * @param whenJournalFull what publish does when the journal is full
 * @param maxBlock how long {@link JournalFullPolicy#BLOCK} waits
 * @param onCredentialsRefused told once when the broker refuses the credentials for good
 * @param onEventRejected told of each event the broker refused for good
 * @param journalMaxAge the longest an event may wait in the journal before being sent
 * @param clock the clock of the journal's append times
 */
public record ClientSettings(
    String url,
    Path credentials,
    String serverId,
    Path journalDir,
    int maxInFlight,
    long journalMaxBytes,
    JournalFullPolicy whenJournalFull,
    Duration maxBlock,
    Consumer<CredentialsRefusedException> onCredentialsRefused,
    Consumer<EventRejectedException> onEventRejected,
    Duration journalMaxAge,
    Clock clock) {

  /** The usual segment size: a quarter of the limit, so acknowledged space is freed in steps. */
  public int segmentSize() {
    return (int) Math.clamp(journalMaxBytes / 4, 64 * 1024, 64 * 1024 * 1024);
  }
}
