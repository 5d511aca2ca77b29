package dev.gamingapi.sdk.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's maximum payload, remembered in the journal directory: while the broker is down the
 * client still refuses events the broker would refuse, instead of journaling events that can never
 * be delivered.
 */
public final class MaxPayload {
  /** NATS's default {@code max_payload}, assumed before the first connection. */
  public static final long DEFAULT = 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(MaxPayload.class);
  private static final String FILE = "max-payload";

  private final Path file;
  private volatile long bytes;

  private MaxPayload(Path file, long bytes) {
    this.file = file;
    this.bytes = bytes;
  }

  /** The last value remembered in {@code dir}, or {@link #DEFAULT}. */
  public static MaxPayload load(Path dir) {
    Path file = dir.resolve(FILE);
    long bytes = DEFAULT;
    try {
      if (Files.exists(file)) {
        bytes = Long.parseLong(Files.readString(file).trim());
      }
    } catch (IOException | NumberFormatException e) {
      LOG.warn("ignoring unreadable {}: {}", file, e.getMessage());
    }
    return new MaxPayload(file, bytes);
  }

  /** The current limit in bytes, headers and data together. */
  public long bytes() {
    return bytes;
  }

  /** Records the limit a broker announced at connect. */
  public void update(long announced) {
    if (announced <= 0 || announced == bytes) {
      return;
    }
    bytes = announced;
    try {
      Path temp = file.resolveSibling(FILE + ".tmp");
      Files.writeString(temp, Long.toString(announced), StandardCharsets.US_ASCII);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("cannot remember max payload in {}: {}", file, e.getMessage());
    }
  }
}
