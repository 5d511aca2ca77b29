package dev.gamingapi.contract.event;

/** A point in the game world, in the game's own units. */
public record Position(double x, double y, double z) {}
