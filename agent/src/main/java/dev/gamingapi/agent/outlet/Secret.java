package dev.gamingapi.agent.outlet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a secret (an RCON password) is read from: a file or an environment variable, never the
 * config file itself, so that the config can be shared, logged and kept in version control.
 *
 * <p>It is read each time it is needed, so a rotated password file takes effect on the next
 * connection without a restart.
 *
 * @param file a file holding the secret (one trailing line break is ignored), or null
 * @param env the name of an environment variable holding it, or null
 */
public record Secret(Path file, String env) {
  /** Checks that exactly one of the two is set. */
  public Secret {
    if ((file == null) == (env == null || env.isBlank())) {
      throw new IllegalArgumentException("a secret needs exactly one of a file or an env variable");
    }
  }

  /** The secret read from {@code file}. */
  public static Secret fromFile(Path file) {
    return new Secret(file, null);
  }

  /** The secret read from environment variable {@code name}. */
  public static Secret fromEnv(String name) {
    return new Secret(null, name);
  }

  /**
   * Reads the secret now.
   *
   * @throws OutletException when the file cannot be read or the variable is unset or empty
   */
  public String read() {
    if (file != null) {
      try {
        String text = Files.readString(file);
        // Editors add a line break at the end; a password never ends with one.
        return text.endsWith("\r\n")
            ? text.substring(0, text.length() - 2)
            : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      } catch (NoSuchFileException e) {
        throw new OutletException("the secret file " + file + " does not exist");
      } catch (IOException e) {
        throw new OutletException("the secret file " + file + " cannot be read: " + e, e);
      }
    }
    String value = System.getenv(env);
    if (value == null || value.isEmpty()) {
      throw new OutletException("the environment variable " + env + " is not set");
    }
    return value;
  }

  @Override
  public String toString() {
    return file != null ? "Secret[file=" + file + "]" : "Secret[env=" + env + "]";
  }
}
