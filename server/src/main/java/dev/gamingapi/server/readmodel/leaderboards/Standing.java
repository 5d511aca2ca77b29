package dev.gamingapi.server.readmodel.leaderboards;

/** A player's place on a leaderboard in one period. */
public record Standing(long rank, String player, double score) {}
