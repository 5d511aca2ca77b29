package dev.gamingapi.server.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An operator made as {@code gamingapi init} makes it for an external broker ({@link
 * OperatorSetup}): its files and the nats-server config block that trusts it.
 */
public record OperatorFixture(
    Path signingSeed, Path operatorJwt, Path systemCreds, String serverConfig) {

  public static OperatorFixture create(Path dir) throws Exception {
    OperatorSetup.ensure(dir);
    // The include's lines inline (operator, system account, preload), plus a resolver whose dir is
    // relative: each node runs in its own directory, so one config text (as a real cluster shares)
    // still gives every node its own resolver store.
    String config =
        Files.readString(dir.resolve(OperatorSetup.BROKER_INCLUDE))
            + "resolver { type: full, dir: \"jwt\", allow_delete: true, interval: \"2m\","
            + " timeout: \"1.9s\" }\n";
    return new OperatorFixture(
        dir.resolve(OperatorSetup.SIGNING_SEED),
        dir.resolve(OperatorSetup.OPERATOR_JWT),
        dir.resolve(OperatorSetup.SYSTEM_CREDS),
        config);
  }

  /**
   * The config of a platform at {@code dataDir} using this operator on the broker at {@code url}.
   */
  public PlatformConfig platformConfig(Path dataDir, String url) {
    return PlatformConfig.external(dataDir, url, signingSeed, operatorJwt, systemCreds);
  }
}
