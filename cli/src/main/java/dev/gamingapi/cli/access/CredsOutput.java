package dev.gamingapi.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Hands over what creating or rotating a user answers: the NATS creds, written to a 0600 file or
 * printed, and the API token, printed. The platform keeps neither, so nothing may be lost: the
 * target is checked before the request is sent, and if writing still fails the creds are printed.
 */
final class CredsOutput {
  private final Path file;

  /**
   * @param file where to write the creds, or null to print them
   */
  CredsOutput(Path file) {
    this.file = file;
  }

  /** Fails before the API call when the creds could not be written. */
  void check() {
    if (file == null) {
      return;
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--creds-out: the directory " + dir + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("--creds-out: " + file + " is a directory");
    }
  }

  /**
   * Writes the creds (if a file was given), then prints the answer: as is for {@code --json}, else
   * the user, the creds (unless written) and the token with a "shown once" line.
   *
   * @param done what happened, for the first line, e.g. "created in acme"
   */
  void deliver(JsonNode issued, PrintWriter out, boolean json, String done) {
    IOException failed = null;
    if (file != null) {
      try {
        writePrivate(file, issued.path("creds").asText());
      } catch (IOException e) {
        failed = e;
      }
    }
    if (json) {
      out.println(issued);
    } else {
      JsonNode user = issued.path("user");
      out.printf("User '%s' %s.%n", user.path("name").asText(), done);
      Table.fields(user, out);
      out.println();
      if (file != null && failed == null) {
        out.printf("Creds written to %s (mode 0600).%n", file);
      } else {
        out.println("Creds (save them as a .creds file, mode 0600):");
        String creds = issued.path("creds").asText();
        out.print(creds.endsWith("\n") ? creds : creds + "\n");
      }
      out.printf("Token: %s%n", issued.path("token").asText());
      out.println(
          "The token and creds are shown once (the platform keeps only a hash): store them now."
              + " `gamingapi user rotate` issues new ones.");
    }
    if (failed != null) {
      out.flush();
      throw new IllegalStateException(
          "cannot write the creds to " + file + " (" + failed + "); they are printed instead",
          failed);
    }
  }

  /**
   * Writes {@code text} to {@code target} so that it is never readable by others, not even briefly.
   */
  private static void writePrivate(Path target, String text) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    String prefix = "." + target.getFileName() + ".";
    Path temp;
    try {
      temp =
          Files.createTempFile(
              dir,
              prefix,
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      temp = Files.createTempFile(dir, prefix, ".tmp");
    }
    try {
      Files.writeString(temp, text);
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
