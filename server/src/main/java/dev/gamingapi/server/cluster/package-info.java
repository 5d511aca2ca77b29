/**
 * Several platform instances on one broker and database: which instance runs which tenant's workers
 * (read models, notifications), by one lease per tenant, and the key vault shared in the database.
 */
package dev.gamingapi.server.cluster;
