/**
 * The database: opening SQLite or PostgreSQL with their settings, Flyway migrations, and batch SQL
 * shared by the read models. Knows nothing of tenants.
 */
package dev.gamingapi.server.store;
