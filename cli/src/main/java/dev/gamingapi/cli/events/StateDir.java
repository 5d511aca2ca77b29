package dev.gamingapi.cli.events;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the CLI keeps what outlives one command (the journals of {@code events publish}): the
 * user's state directory, {@code $XDG_STATE_HOME/gamingapi}, else {@code ~/.local/state/gamingapi}.
 * Never the working directory, which a journal (a 64 MiB sparse file) would litter, in a repository
 * as anywhere else.
 */
final class StateDir {
  private StateDir() {}

  /** The CLI's state directory for this environment and home directory. */
  static Path of(Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_STATE_HOME");
    // The XDG base directory rules ignore a relative path, as a working-directory one.
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "gamingapi");
    }
    return Path.of(userHome, ".local", "state", "gamingapi");
  }

  /** The journal of {@code serverId}'s events published from this user's shell. */
  static Path journal(String serverId) {
    return of(System.getenv(), System.getProperty("user.home"))
        .resolve("journal")
        .resolve(serverId);
  }
}
