/**
 * The tenancy services wired together ({@link dev.gamingapi.server.tenancy.TenancyServices}): one
 * entry point for the HTTP edge, the command service and tests.
 */
package dev.gamingapi.server.tenancy;
