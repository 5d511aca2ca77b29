/**
 * Reading a tenant's event log for the REST API: replay from any point and live streams, with
 * ordered push consumers over one connection per tenant, narrowed to what the caller may read
 * ({@code EventScope}).
 */
package dev.gamingapi.server.eventlog;
