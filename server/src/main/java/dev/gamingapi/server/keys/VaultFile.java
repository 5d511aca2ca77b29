package dev.gamingapi.server.keys;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.server.keys.KeyVault.StoredKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault of one instance in its data directory: {@code keys.json}, every entry as of the last
 * compaction, and {@link #JOURNAL} beside it, a line per change since.
 *
 * <p>Why a journal: the file used to be rewritten whole at each change, two per tenant created, so
 * creating the 6,000th tenant wrote 2 x 2.9 MB (90 ms on the 2-core machine, growing with every
 * tenant). A change now appends one line (and syncs it: an account row in the database is useless
 * without its key); the journal is folded into {@code keys.json} once it holds as many lines as the
 * snapshot has entries (at least {@link #MIN_COMPACTION}), so the writes stay constant per change
 * on average.
 *
 * <p>Crash safety: compaction replaces {@code keys.json} atomically before it empties the journal,
 * and replaying a line whose change the snapshot already holds changes nothing; a last line cut by
 * a crash (no newline) is ignored, as its change was never acknowledged. A copy of the two files (a
 * backup) takes the journal first: whichever compaction runs between the two copies, the snapshot
 * copied then holds what the journal copied lost.
 */
final class VaultFile implements KeyVault.Storage {
  /** The journal's file name, beside the snapshot. */
  static final String JOURNAL_SUFFIX = ".journal";

  static final int MIN_COMPACTION = 1_000;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper LINES = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(VaultFile.class);

  private final Path file;
  private final Path journal;
  private final int minCompaction;
  private final TreeMap<String, StoredKey> entries = new TreeMap<>();
  private int journaled;
  private int snapshotted; // entries written to keys.json by the last compaction

  VaultFile(Path file) {
    this(file, MIN_COMPACTION);
  }

  /** The vault in {@code file}, compacting after {@code minCompaction} journal lines at least. */
  VaultFile(Path file, int minCompaction) {
    this.file = file;
    this.minCompaction = minCompaction;
    this.journal = journalOf(file);
    try {
      if (Files.exists(file)) {
        entries.putAll(
            JSON.readValue(file.toFile(), new TypeReference<Map<String, StoredKey>>() {}));
      }
      if (Files.exists(journal)) {
        replay(Files.readString(journal, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new KeyVaultException("cannot read the key vault " + file, e);
    }
  }

  /** The journal of the vault {@code file}. */
  static Path journalOf(Path file) {
    return file.resolveSibling(file.getFileName() + JOURNAL_SUFFIX);
  }

  /** The vault's files, in the order a copy must take them (see the class comment). */
  static List<Path> copyOrder(Path file) {
    return List.of(journalOf(file), file);
  }

  /** Every entry, for moving them elsewhere. */
  Map<String, StoredKey> entries() {
    return entries;
  }

  @Override
  public Optional<StoredKey> read(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  @Override
  public Set<String> names() {
    return Set.copyOf(entries.keySet());
  }

  @Override
  public StoredKey putIfAbsent(String name, StoredKey key) {
    StoredKey existing = entries.get(name);
    if (existing != null) {
      return existing;
    }
    ObjectNode line =
        LINES
            .createObjectNode()
            .put("name", name)
            .put("publicKey", key.publicKey())
            .put("sealedSeed", key.sealedSeed());
    append(line);
    entries.put(name, key);
    compactIfDue();
    return key;
  }

  @Override
  public void remove(String name) {
    if (!entries.containsKey(name)) {
      return;
    }
    append(LINES.createObjectNode().put("name", name).put("removed", true));
    entries.remove(name);
    compactIfDue();
  }

  private void replay(String lines) throws IOException {
    int end = lines.lastIndexOf('\n'); // after it: a line a crash cut, never acknowledged
    if (end < 0) {
      return;
    }
    for (String text : lines.substring(0, end).split("\n")) {
      if (text.isBlank()) {
        continue;
      }
      JsonNode line = LINES.readTree(text);
      String name = line.path("name").asText();
      if (line.path("removed").asBoolean()) {
        entries.remove(name);
      } else {
        entries.put(
            name, new StoredKey(line.path("publicKey").asText(), line.path("sealedSeed").asText()));
      }
      journaled++;
    }
  }

  private void append(JsonNode line) {
    try {
      OwnerOnly.createFile(journal);
      byte[] bytes = (LINES.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
      try (FileChannel channel =
          FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(false);
      }
      journaled++;
    } catch (IOException e) {
      throw new KeyVaultException("cannot write the key vault " + journal, e);
    }
  }

  private void compactIfDue() {
    // A vault with entries always has its keys.json: the platform takes a data directory without
    // one for a new one (which may make a master key).
    if (journaled < Math.max(minCompaction, snapshotted) && Files.exists(file)) {
      return;
    }
    try {
      SecretFiles.replace(file, JSON.writeValueAsString(entries));
      Files.write(journal, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
      journaled = 0;
      snapshotted = entries.size();
    } catch (IOException e) {
      // The journal still holds every change, which is stored: compaction is tried again next time.
      LOG.warn("cannot compact the key vault {}: {}", file, e.toString());
    }
  }
}
