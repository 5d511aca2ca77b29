package dev.gamingapi.server.app.backup;

import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.keys.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a data directory that a backup carries besides the database: the key vault ({@code
 * keys.json} and its journal: seeds encrypted with the master key), the operator token and the
 * creds files written at start. Without the last two a restored platform would make new ones and
 * rotate the {@code owner} and {@code demo} users, so the files in users' hands would stop working.
 * The broker's store is not copied (the streams travel as snapshots), nor {@code master.key} (kept
 * apart), nor {@code connection.json} (rewritten at every start).
 */
final class DataFiles {
  /** Where they go in a backup directory, under their own relative paths. */
  static final String DIR = "data";

  static final String VAULT = "keys.json";
  private static final List<String> CARRIED = List.of("operator.token", "creds");

  private DataFiles() {}

  /** What a copy takes from {@code dir}: the vault's files first, in the order the vault says. */
  private static List<Path> carried(Path dir) {
    List<Path> files = new ArrayList<>(KeyVault.files(dir.resolve(VAULT)));
    CARRIED.forEach(name -> files.add(dir.resolve(name)));
    return files;
  }

  /** Copies the carried files of {@code dataDir} into {@code backupDir/data}; answers how many. */
  static int save(Path dataDir, Path backupDir) {
    return copy(dataDir, backupDir.resolve(DIR));
  }

  /** Copies the carried files of a backup into the new data directory; answers how many. */
  static int restore(Path backupDir, Path dataDir) {
    return copy(backupDir.resolve(DIR), dataDir);
  }

  private static int copy(Path from, Path to) {
    int copied = 0;
    try {
      OwnerOnly.directory(to);
      for (Path source : carried(from)) {
        if (!Files.exists(source)) {
          continue;
        }
        try (Stream<Path> tree = Files.walk(source)) {
          for (Path path : (Iterable<Path>) tree::iterator) {
            Path target = to.resolve(from.relativize(path).toString());
            if (Files.isDirectory(path)) {
              Files.createDirectories(target);
            } else {
              Files.copy(path, target);
              copied++;
            }
          }
        }
      }
      OwnerOnly.tighten(to);
      return copied;
    } catch (IOException e) {
      throw new BackupException("cannot copy the data files from " + from + " to " + to, e);
    }
  }
}
