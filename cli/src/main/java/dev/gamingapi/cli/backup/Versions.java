package dev.gamingapi.cli.backup;

import dev.gamingapi.server.app.backup.BackupManifest;
import java.nio.file.Path;

/** The version written into a manifest, and the last line of a backup or a restore. */
final class Versions {
  private Versions() {}

  static String current() {
    String version = Versions.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  static String summary(String verb, BackupManifest manifest, Path where, long startedNanos) {
    long messages = 0;
    long bytes = 0;
    for (BackupManifest.Tenant tenant : manifest.tenants()) {
      for (BackupManifest.Stream stream : tenant.streams()) {
        messages += stream.messages();
        bytes += stream.bytes();
      }
    }
    return String.format(
        "%s %d tenant(s), %,d stream messages (%,d bytes of snapshots) %s %s in %.1f s",
        verb,
        manifest.tenants().size(),
        messages,
        bytes,
        verb.equals("restored") ? "into" : "to",
        where,
        (System.nanoTime() - startedNanos) / 1e9);
  }
}
