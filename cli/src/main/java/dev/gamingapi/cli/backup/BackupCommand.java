package dev.gamingapi.cli.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.server.app.Environment;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.server.app.backup.BackupManifest;
import dev.gamingapi.server.app.backup.PlatformBackup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gamingapi backup}: the whole platform (database, key vault, creds, every tenant's streams)
 * into one directory, while it runs, on the machine that holds its data directory (with an external
 * broker: where an instance runs, with its {@code GAMINGAPI_*} settings). It runs there rather than
 * over the REST API because it needs what only that machine has: the database and the vault with
 * its master key, from which it signs an internal user of every tenant to snapshot its streams (no
 * creds file per tenant).
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Back up the whole platform, while it runs: the database, then every tenant's streams.",
      "Run it beside the data directory, with the platform's GAMINGAPI_* settings (external"
          + " broker: GAMINGAPI_BROKER_URL, the operator files, GAMINGAPI_DATABASE_URL).",
      "The master key and the operator files of gamingapi init are not copied (store them"
          + " apart)."
    })
public final class BackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR",
      description = "A new (or empty) directory for the backup.")
  Path to;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "The platform's data directory (default: ./data).")
  Path dataDir;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "The platform's broker (default: GAMINGAPI_BROKER_URL, else broker_url of"
              + " DATA/connection.json).")
  String url;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PlatformSettings settings = PlatformSettings.fromEnvironment(Environment.process(), dataDir);
    PlatformConfig platform = settings.platform();
    Path data = platform.dataDir();
    boolean embedded = platform.embeddedBroker();
    String broker = url != null ? url : embedded ? brokerUrl(data) : platform.brokerUrl();
    long started = System.nanoTime();
    BackupManifest manifest =
        new PlatformBackup(
                data,
                settings.api().databaseUrl(),
                platform.masterKey(),
                broker,
                embedded ? null : platform.operatorJwtFile(),
                Versions.current())
            .run(
                to,
                line -> {
                  out.println(line);
                  out.flush();
                });
    out.println(Versions.summary("backed up", manifest, to, started));
    return 0;
  }

  private static String brokerUrl(Path dataDir) throws IOException {
    Path file = dataDir.resolve("connection.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "no " + file + ": is the platform running (gamingapi up)? Or give --url");
    }
    JsonNode info = new ObjectMapper().readTree(file.toFile());
    return info.path("broker_url").asText();
  }
}
