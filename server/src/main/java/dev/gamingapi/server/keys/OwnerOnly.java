package dev.gamingapi.server.keys;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory is readable by its owner only: it holds the database (tenants, webhook and
 * Discord secrets), the key vault, creds files and the broker's store. Directories 0700, files
 * 0600.
 */
public final class OwnerOnly {
  /** Files: read and write by the owner. */
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  /** Directories: the owner only. */
  public static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {}

  /**
   * Creates {@code dir} if missing and takes every permission of group and others from it and what
   * is already in it: a data directory made by an older version, or files another program wrote
   * with its own modes.
   */
  public static void directory(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      Files.createDirectories(dir);
    }
    tighten(dir);
  }

  /** Takes group and other permissions from {@code dir} and everything under it. */
  public static void tighten(Path dir) throws IOException {
    tighten(dir, null);
  }

  /**
   * As {@link #tighten(Path)}, but leaves what is under {@code trusted} as it is (its directory
   * itself is tightened): a subtree whose writer already creates owner-only files, too big to walk
   * twice in one start.
   */
  public static void tighten(Path dir, Path trusted) throws IOException {
    if (!supported(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes)
              throws IOException {
            Files.setPosixFilePermissions(d, DIRECTORY);
            return d.equals(trusted) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            if (attributes.isRegularFile()) {
              Files.setPosixFilePermissions(file, FILE);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            // Gone meanwhile (a broker temp file): nothing to protect.
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Creates {@code file} empty with mode 0600 unless it exists. */
  public static void createFile(Path file) throws IOException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && supported(file.getParent())) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    }
  }

  private static boolean supported(Path path) {
    return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
