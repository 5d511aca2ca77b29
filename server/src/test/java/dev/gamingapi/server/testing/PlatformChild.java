package dev.gamingapi.server.testing;

import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import java.nio.file.Path;

/**
 * A platform in a JVM of its own, for tests that kill it with SIGKILL: starts on {@code args[0]}
 * (data dir) with the database {@code args[1]} ({@code -} for SQLite), prints {@code READY http-url
 * broker-url}, then runs until killed.
 */
public final class PlatformChild {
  private PlatformChild() {}

  public static void main(String[] args) throws Exception {
    String database = args[1].equals("-") ? null : args[1];
    Platform platform =
        new Platform(
                PlatformSettings.of(PlatformConfig.embedded(Path.of(args[0]), 0))
                    .withApi(ApiConfig.defaults().withDatabaseUrl(database)))
            .start();
    System.out.println(
        "READY "
            + platform.connectionInfo().httpUrl()
            + " "
            + platform.connectionInfo().brokerUrl());
    System.out.flush();
    Thread.currentThread().join();
  }
}
