package dev.gamingapi.server.app;

import dev.gamingapi.server.access.IssuedCredentials;
import dev.gamingapi.server.access.UserSpec;
import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.keys.SecretFiles;
import dev.gamingapi.server.tenancy.TenancyServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The creds files of the {@code default} tenant written on first start: {@code
 * DATA/creds/owner.creds} (user {@code owner}) and {@code DATA/creds/demo.creds} (game-server user
 * {@code demo}, bound to server {@code demo}). They are ordinary users of the control plane, so
 * they can be listed, rotated and revoked like any other.
 *
 * <p>An existing user with its file is kept: clients already use the file, and a secret is shown
 * once. A user whose file was deleted gets new credentials (rotated: the lost ones stop working).
 */
final class StartupCreds {
  private static final Logger LOG = LoggerFactory.getLogger(StartupCreds.class);

  private StartupCreds() {}

  static Path ensure(TenancyServices tenancy, String account, UserSpec spec, Path file) {
    boolean exists = exists(tenancy, account, spec.name());
    if (exists && Files.exists(file)) {
      return file;
    }
    IssuedCredentials issued;
    if (exists) {
      LOG.warn("{} is missing: rotating the credentials of user {}", file, spec.name());
      issued = tenancy.users().rotate(account, spec.name(), Actor.PLATFORM);
    } else {
      issued = tenancy.users().create(account, spec, Actor.PLATFORM);
    }
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      SecretFiles.writeNew(file, issued.creds());
    } catch (IOException e) {
      throw new DataFileException("cannot write " + file, e);
    }
    return file;
  }

  private static boolean exists(TenancyServices tenancy, String account, String user) {
    try {
      tenancy.users().get(account, user);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
