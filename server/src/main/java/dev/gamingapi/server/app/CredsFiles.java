package dev.gamingapi.server.app;

import dev.gamingapi.server.control.SecretFiles;
import dev.gamingapi.server.control.UserCreds;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The creds files written on first start: {@code DATA/creds/owner.creds} and one per game server.
 *
 * <p>Existing files are kept: clients already use them, and a secret is shown once, at creation.
 */
final class CredsFiles {
  private CredsFiles() {}

  /** Writes the missing creds files (mode 0600) and describes where they are. */
  static ConnectionInfo ensure(String url, Path dataDir, TenantAccount account, String serverId) {
    Path credsDir = dataDir.resolve("creds");
    Path owner = credsDir.resolve("owner.creds");
    Path server = credsDir.resolve(serverId + ".creds");
    writeIfMissing(owner, () -> account.creds().owner("owner of " + account.name()));
    writeIfMissing(server, () -> account.creds().gameServer(serverId));
    return new ConnectionInfo(url, owner, Map.of(serverId, server), dataDir);
  }

  private static void writeIfMissing(Path file, Supplier<UserCreds> issue) {
    if (Files.exists(file)) {
      return;
    }
    try {
      SecretFiles.writeNew(file, issue.get().text());
    } catch (FileAlreadyExistsException raced) {
      // Another start wrote it first; keep theirs.
    } catch (IOException e) {
      throw new DataFileException("cannot write " + file, e);
    }
  }
}
