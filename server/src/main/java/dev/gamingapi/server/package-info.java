/**
 * The GamingAPI platform: the root holds {@link dev.gamingapi.server.PlatformException}, the one
 * unchecked root of every failure, and {@link dev.gamingapi.server.ProblemKind}, which the edges
 * map to HTTP problems and exit codes.
 */
package dev.gamingapi.server;
