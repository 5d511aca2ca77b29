package dev.gamingapi.agent.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A tailer's position in one small JSON file, replaced atomically (write a temporary file, force it
 * to disk, rename over the old one): after a crash the file holds the old position or the new one,
 * never a torn mix.
 */
public final class PositionStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  /** A store at {@code file}; its directory is created on the first save. */
  public PositionStore(Path file) {
    this.file = file;
  }

  /** The saved position, or empty before the first save. */
  public Optional<TailPosition> load() {
    try {
      JsonNode node = JSON.readTree(Files.readAllBytes(file));
      return Optional.of(
          new TailPosition(
              node.path("file_key").asText(),
              node.path("head").asText(),
              node.path("generation").asLong(),
              node.path("offset").asLong()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tail position " + file, e);
    }
  }

  /** Saves {@code position}, durably, replacing the previous one. */
  public void save(TailPosition position) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      byte[] bytes =
          JSON.writeValueAsBytes(
              JSON.createObjectNode()
                  .put("file_key", position.fileKey())
                  .put("head", position.head())
                  .put("generation", position.generation())
                  .put("offset", position.offset()));
      try (FileChannel channel =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(ByteBuffer.wrap(bytes));
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the tail position " + file, e);
    }
  }
}
