/**
 * The REST API edge (Javalin): routes per capability, bearer-token authentication, problem+json
 * errors mapped from each failure's {@code ProblemKind}, rate limits, the live event stream (SSE),
 * {@code /metrics} and the portal's files. Only the app uses it.
 */
package dev.gamingapi.server.http;
