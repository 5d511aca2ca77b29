/**
 * Leases in the database (compare-and-set on one row each) and {@link
 * dev.gamingapi.server.lease.SingleWriter}, which serialises a piece of work across instances:
 * below accounts and cluster, so that neither needs the other for it.
 */
package dev.gamingapi.server.lease;
