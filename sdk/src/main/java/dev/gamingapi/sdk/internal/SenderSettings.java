package dev.gamingapi.sdk.internal;

import dev.gamingapi.sdk.CredentialsRefusedException;
import dev.gamingapi.sdk.EventRejectedException;
import io.nats.client.Options;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the sender needs to know.
 *
 * @param connectionOptions fresh connection options for each connection the sender opens, whose
 *     broker errors go to the given consumer
 * @param maxInFlight most publishes awaiting an acknowledgement at a time
 * @param ackTimeout how long to wait for the oldest acknowledgement before starting over
 * @param maxBackoff longest pause between connection attempts
 * @param credentials the creds file, or null: to tell an expired credential from a revoked one
 * @param onRefused told once when the broker refuses the credentials for good
 * @param journalDir where the rejected file goes
 * @param onRejected told of each event the broker refused for good, or that waited too long
 * @param journalMaxAge the longest an event may wait in the journal before being sent
 * @param clock the clock of the journal's append times
 */
public record SenderSettings(
    Function<Consumer<String>, Options> connectionOptions,
    int maxInFlight,
    Duration ackTimeout,
    Duration maxBackoff,
    Path credentials,
    Consumer<CredentialsRefusedException> onRefused,
    Path journalDir,
    Consumer<EventRejectedException> onRejected,
    Duration journalMaxAge,
    Clock clock) {}
