package dev.gamingapi.contract.event;

/**
 * The data of one event: a record of the catalog (for example {@link PlayerConnected}), a {@link
 * CustomEvent}, or {@link UnknownEventData} for a type this version does not know. The event's type
 * comes from {@link EventCatalog#typeOf(EventData)}.
 */
public interface EventData {}
