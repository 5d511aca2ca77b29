package dev.gamingapi.server.readmodel;

/**
 * Where a tenant's read models stand.
 *
 * @param position the stream sequence of the last event applied
 * @param appliedEvents events applied (duplicates and dead letters not counted)
 * @param lag events in the log not applied yet, as of the last delivery
 * @param deadLetters events that could not be applied
 */
public record ReadModelState(long position, long appliedEvents, long lag, long deadLetters) {}
