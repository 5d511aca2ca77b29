package dev.gamingapi.contract.event;

/**
 * Data of an event whose type this version does not know (a newer publisher, for instance), handed
 * over raw so that nothing is dropped: the type and the JSON body as received.
 */
public record UnknownEventData(String type, byte[] json) implements EventData {}
