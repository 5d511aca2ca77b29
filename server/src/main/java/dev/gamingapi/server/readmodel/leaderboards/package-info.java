/**
 * Leaderboards: board definitions, seasons and periods (cron schedules), scores per player and
 * period, rank blocks for constant-time rank and around-me queries.
 */
package dev.gamingapi.server.readmodel.leaderboards;
