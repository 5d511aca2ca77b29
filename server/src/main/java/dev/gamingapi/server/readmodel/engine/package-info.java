/**
 * The engine that builds the read models from the log: a durable consumer per tenant, batches
 * applied exactly once by event id in one transaction, dead letters, backfills.
 */
package dev.gamingapi.server.readmodel.engine;
