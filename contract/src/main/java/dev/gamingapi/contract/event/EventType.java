package dev.gamingapi.contract.event;

/**
 * One type of the catalog: its dotted name (the {@code ce-type} header and the subject's tail), the
 * record that carries its data, and whether it is about a server or a player.
 */
public record EventType(String name, Class<? extends EventData> dataClass, Scope scope) {}
