package dev.gamingapi.server.cluster;

import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.app.ClusterConfig;
import dev.gamingapi.server.app.Environment;
import dev.gamingapi.server.app.OperatorSetup;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One platform instance in a JVM of its own against an external broker, for tests that kill it with
 * SIGKILL. Arguments: data dir, database URL ({@code -}: SQLite in the data dir), broker URL, the
 * operator directory of {@link OperatorSetup}, instance id, lease lifetime (ISO-8601). Prints
 * {@code READY http-url} and runs until killed.
 */
public final class InstanceChild {
  private InstanceChild() {}

  public static void main(String[] args) throws Exception {
    Path operator = Path.of(args[3]);
    PlatformConfig config =
        PlatformConfig.external(
                Path.of(args[0]),
                args[2],
                operator.resolve(OperatorSetup.SIGNING_SEED),
                operator.resolve(OperatorSetup.OPERATOR_JWT),
                operator.resolve(OperatorSetup.SYSTEM_CREDS))
            .toBuilder()
            .replicas(0)
            .build(); // auto: 3 on the 3-node cluster
    Platform platform =
        new Platform(
                PlatformSettings.of(config)
                    .withApi(
                        ApiConfig.defaults().withDatabaseUrl(args[1].equals("-") ? null : args[1]))
                    .withNotifications(
                        PlatformSettings.fromEnvironment(Environment.process(), Path.of(args[0]))
                            .notifications())
                    .withCluster(new ClusterConfig(args[4], Duration.parse(args[5]))))
            .start();
    System.out.println("READY " + platform.connectionInfo().httpUrl());
    System.out.flush();
    Thread.currentThread().join();
  }
}
