package dev.gamingapi.agent.config;

import java.nio.file.Path;

/**
 * The agent's config file is unreadable or invalid. The message names the file, the line and the
 * key at fault, as {@code agent.yaml:12: servers[0].inputs[1].port: must be 1..65535}, so that the
 * owner can fix it without reading code.
 */
public final class AgentConfigException extends RuntimeException {
  private final int line;
  private final String key;

  /** A problem at {@code line} (1-based; 0 when unknown) of {@code file}, about {@code key}. */
  public AgentConfigException(Path file, int line, String key, String problem) {
    super(
        file.getFileName()
            + (line > 0 ? ":" + line : "")
            + ": "
            + (key.isEmpty() ? "" : key + ": ")
            + problem);
    this.line = line;
    this.key = key;
  }

  /** The 1-based line of the problem, or 0 when the file could not be read at all. */
  public int line() {
    return line;
  }

  /** The dotted path of the key at fault, e.g. {@code servers[0].inputs[1].port}. */
  public String key() {
    return key;
  }
}
