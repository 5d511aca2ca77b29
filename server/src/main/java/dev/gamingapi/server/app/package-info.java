/**
 * The platform wired together: {@link dev.gamingapi.server.app.Platform} starts the broker
 * (embedded or external), keys, database, tenants, workers and the REST API from one {@link
 * dev.gamingapi.server.app.PlatformSettings}, read once at the edge.
 */
package dev.gamingapi.server.app;
