package dev.gamingapi.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.sdk.JournalException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on its own: recovery, torn tails, segment rolling and deletion. */
class JournalTest {
  private static final int SMALL_SEGMENT = 2048;

  @TempDir Path dir;

  @Test
  void unacknowledgedRecordsAreRecoveredInOrderAcrossSegments() {
    List<String> ids = new ArrayList<>();
    try (Journal journal = Journal.open(dir, SMALL_SEGMENT)) {
      for (int i = 0; i < 20; i++) {
        ids.add(append(journal, i));
      }
    }
    try (Journal journal = Journal.open(dir, SMALL_SEGMENT)) {
      assertThat(journal.pendingCount()).isEqualTo(20);
      assertThat(readAll(journal)).isEqualTo(ids);
    }
  }

  @Test
  void aTornLastRecordIsIgnoredAndLaterAppendsFollowTheGoodOnes() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Journal journal = Journal.open(dir, 64 * 1024)) {
      ids.add(append(journal, 1));
      ids.add(append(journal, 2));
      append(journal, 3); // to be torn
    }
    Path segment = segments().getFirst();
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      long thirdRecordEnd = lastRecordEnd(segment);
      file.seek(thirdRecordEnd - 5);
      file.write(new byte[] {0, 0, 0, 0, 0}); // the end of the record never made it
    }
    try (Journal journal = Journal.open(dir, 64 * 1024)) {
      assertThat(journal.pendingCount()).isEqualTo(2);
      ids.add(append(journal, 4));
    }
    try (Journal journal = Journal.open(dir, 64 * 1024)) {
      assertThat(readAll(journal)).isEqualTo(ids);
    }
  }

  @Test
  void acknowledgedSegmentsAreDeleted() throws Exception {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENT)) {
      for (int i = 0; i < 30; i++) {
        append(journal, i);
      }
      assertThat(segments()).hasSizeGreaterThan(3);
      JournalReader reader = journal.reader(journal.ackedPosition());
      long bytes = 0;
      while (reader.hasNext()) {
        reader.next();
        bytes += reader.lastFrameBytes();
      }
      journal.acknowledge(reader.position(), 30, bytes);
      assertThat(journal.pendingCount()).isZero();
      assertThat(journal.unackedBytes()).isZero();
      assertThat(segments()).hasSize(1);
    }
    try (Journal journal = Journal.open(dir, SMALL_SEGMENT)) {
      assertThat(journal.pendingCount()).isZero();
    }
  }

  @Test
  void aJournalDirectoryServesOneClientAtATime() {
    try (Journal journal = Journal.open(dir, SMALL_SEGMENT)) {
      assertThatThrownBy(() -> Journal.open(dir, SMALL_SEGMENT))
          .isInstanceOf(JournalException.class)
          .hasMessageContaining("in use");
    }
  }

  @Test
  void aRecordKeepsItsAppendTimeOutOfTheMessageAndOlderRecordsReadWithoutOne() {
    Event event = Event.of("s1", new PlayerChatted("p1", "P", "hello", "global"));
    byte[] payload = JournalRecord.encode(CloudEventsCodec.encode(event), 1_733_000_000_123L);

    JournalRecord.Stored read = JournalRecord.decode(ByteBuffer.wrap(payload), 0, payload.length);
    // A record of an older SDK: the same bytes without the trailing append time.
    JournalRecord.Stored old =
        JournalRecord.decode(ByteBuffer.wrap(payload), 0, payload.length - Long.BYTES);

    assertThat(read.journaledAt()).isEqualTo(1_733_000_000_123L);
    assertThat(old.journaledAt()).isEqualTo(-1);
    for (JournalRecord.Stored stored : List.of(read, old)) {
      assertThat(stored.message().getHeaders().getFirst("ce-id")).isEqualTo(event.id());
      assertThat(stored.message().getHeaders().size())
          .isEqualTo(CloudEventsCodec.encode(event).headers().size());
      assertThat(stored.message().getData()).isEqualTo(CloudEventsCodec.encode(event).body());
    }
  }

  private static String append(Journal journal, int i) {
    Event event = Event.of("s1", new PlayerChatted("p1", "P", "message " + i, "global"));
    byte[] payload =
        JournalRecord.encode(CloudEventsCodec.encode(event), System.currentTimeMillis());
    journal.append(payload, Journal.crc(payload));
    return event.id();
  }

  private static List<String> readAll(Journal journal) {
    List<String> ids = new ArrayList<>();
    JournalReader reader = journal.reader(journal.ackedPosition());
    while (reader.hasNext()) {
      ids.add(reader.next().getHeaders().getFirst("ce-id"));
    }
    return ids;
  }

  /** Where the last complete record of a segment ends (records are framed length + CRC). */
  private static long lastRecordEnd(Path segment) throws Exception {
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "r")) {
      long position = 0;
      long end = 0;
      while (position + 8 <= file.length()) {
        file.seek(position);
        int length = file.readInt();
        if (length <= 0) {
          break;
        }
        position += 8 + length;
        end = position;
      }
      return end;
    }
  }

  private List<Path> segments() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.toString().endsWith(".seg")).sorted().toList();
    }
  }
}
