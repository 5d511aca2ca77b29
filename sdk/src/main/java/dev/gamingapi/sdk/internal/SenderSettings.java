package dev.gamingapi.sdk.internal;

import io.nats.client.Options;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the sender needs to know.
 *
 * @param connectionOptions fresh connection options for each connection the sender opens
 * @param maxInFlight most publishes awaiting an acknowledgement at a time
 * @param ackTimeout how long to wait for the oldest acknowledgement before starting over
 * @param maxBackoff longest pause between connection attempts
 */
public record SenderSettings(
    Supplier<Options> connectionOptions,
    int maxInFlight,
    Duration ackTimeout,
    Duration maxBackoff) {}
