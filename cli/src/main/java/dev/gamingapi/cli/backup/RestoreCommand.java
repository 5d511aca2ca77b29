package dev.gamingapi.cli.backup;

import dev.gamingapi.server.app.Environment;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.server.app.backup.BackupManifest;
import dev.gamingapi.server.app.backup.PlatformRestore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gamingapi restore}: a new data directory from a {@code gamingapi backup}, ready for {@code
 * gamingapi up}. It starts the new directory's broker alone to restore the streams, and stops it:
 * the platform itself starts only once every stream is back, so nothing consumes or provisions a
 * stream while it is replaced. A backup of a platform with an external broker goes onto the new,
 * empty broker and database of the {@code GAMINGAPI_*} settings, as {@code gamingapi up} reads
 * them.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Make a new data directory from a backup (database, keys, every tenant's streams).",
      "External broker: set the GAMINGAPI_* of the new platform (an empty broker trusting the"
          + " same operator, an empty database).",
      "Then start it with: gamingapi up --data-dir DIR"
    })
public final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DIR",
      description = "A directory written by gamingapi backup.")
  Path from;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "The new data directory; must not exist or be empty (default: ./data).")
  Path dataDir;

  @Option(
      names = "--master-key-file",
      paramLabel = "FILE",
      description =
          "The master.key of the platform backed up (copied into the new data directory);"
              + " without it GAMINGAPI_MASTER_KEY must hold the key.")
  Path masterKeyFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PlatformSettings settings = PlatformSettings.fromEnvironment(Environment.process(), dataDir);
    PlatformConfig platform = settings.platform();
    Path data = platform.dataDir();
    long started = System.nanoTime();
    BackupManifest manifest =
        new PlatformRestore(
                data,
                settings.api().databaseUrl(),
                masterKeyFile,
                platform.masterKey(),
                platform.embeddedBroker() ? null : platform)
            .run(
                from,
                line -> {
                  out.println(line);
                  out.flush();
                });
    out.println(Versions.summary("restored", manifest, data, started));
    out.println(
        "Start it with: gamingapi up --data-dir "
            + data
            + (platform.embeddedBroker() ? "" : " (and the same GAMINGAPI_* settings)"));
    return 0;
  }
}
