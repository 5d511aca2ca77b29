package dev.gamingapi.contract.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A point in the game world, in the game's own units; all three coordinates are required. */
public record Position(
    @JsonProperty(required = true) double x,
    @JsonProperty(required = true) double y,
    @JsonProperty(required = true) double z) {}
