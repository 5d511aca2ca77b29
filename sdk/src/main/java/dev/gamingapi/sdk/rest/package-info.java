/**
 * The platform's REST API from Java: {@link dev.gamingapi.sdk.rest.RestClient} sends JSON with a
 * bearer token and turns refusals into the SDK's typed exceptions. Everything in {@code
 * dev.gamingapi.sdk.rest.internal} may change without notice.
 */
package dev.gamingapi.sdk.rest;
