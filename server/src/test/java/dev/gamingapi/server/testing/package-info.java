/**
 * What the server's tests share, whatever capability they test: a platform started for a test or a
 * class ({@link dev.gamingapi.server.testing.PlatformFixture}, {@link
 * dev.gamingapi.server.testing.PlatformPerClass}, {@link
 * dev.gamingapi.server.testing.PlatformChild}), a REST client checked against the OpenAPI document
 * ({@link dev.gamingapi.server.testing.Api}), publishers into a tenant's log, and the in-test fold
 * of docs/history.md the read models are compared with.
 */
package dev.gamingapi.server.testing;
