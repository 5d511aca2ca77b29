package dev.gamingapi.sdk.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer of the REST API.
 *
 * @param status its HTTP status, e.g. 200, 201, 202 (some operations tell outcomes apart by it)
 * @param body its JSON, or null when it had none (204)
 */
public record RestResponse(int status, JsonNode body) {}
