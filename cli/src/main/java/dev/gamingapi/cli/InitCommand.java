package dev.gamingapi.cli;

import dev.gamingapi.server.app.OperatorSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gamingapi init}: the first step of a deployment with an external broker (see {@link
 * OperatorSetup}); does nothing when the files exist.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Make the operator and system account of an external broker (compose, cluster).",
      "Writes operator.conf (included by every nats-server node), operator.jwt,",
      "operator-signing.nk and sys.creds (read by the platform); keeps existing ones."
    })
public final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--operator-dir",
      paramLabel = "DIR",
      required = true,
      description = "Where to write the files (a volume shared with the broker and platform).")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean written = OperatorSetup.ensure(dir);
    out.println(
        (written ? "Wrote" : "Kept")
            + " the operator files in "
            + dir.toAbsolutePath().normalize()
            + ": "
            + OperatorSetup.BROKER_INCLUDE
            + " (include it in every nats-server config), "
            + OperatorSetup.OPERATOR_JWT
            + ", "
            + OperatorSetup.SIGNING_SEED
            + ", "
            + OperatorSetup.SYSTEM_CREDS);
    return 0;
  }
}
