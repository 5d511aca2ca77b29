package dev.gamingapi.agent.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.agent.input.LinePublisher;
import dev.gamingapi.agent.input.RawLines;
import dev.gamingapi.agent.status.ServerCounters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailerTest {
  @TempDir Path dir;
  private final CollectingSink sink = new CollectingSink();

  @Test
  void linesWrittenBeforeAndAfterARenameAreEachReadOnce() throws Exception {
    Path log = dir.resolve("game.log");
    append(log, lines("a", 0, 50));
    try (FileTailer tailer = tailer(log)) {
      tailer.start();
      await().until(() -> sink.storedLines().size() == 50);
      Files.move(log, dir.resolve("game.log.1"));
      append(dir.resolve("game.log.1"), lines("a", 50, 60)); // the writer still had it open
      append(log, lines("b", 0, 30));
      await().until(() -> sink.storedLines().size() == 90);
    }
    assertThat(sink.storedLines())
        .containsExactlyElementsOf(concat(lines("a", 0, 60), lines("b", 0, 30)));
  }

  @Test
  void aTruncatedFileIsReadAgainFromItsStartAndSameTextGetsNewIds() throws Exception {
    Path log = dir.resolve("game.log");
    append(log, lines("x", 0, 5));
    try (FileTailer tailer = tailer(log)) {
      tailer.start();
      await().until(() -> sink.storedLines().size() == 5);
      Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
      append(log, lines("x", 0, 3)); // the same text as before: still new lines
      await().until(() -> sink.storedLines().size() == 8);
    }
    assertThat(sink.storedLines())
        .containsExactlyElementsOf(concat(lines("x", 0, 5), lines("x", 0, 3)));
  }

  @Test
  void stoppingAndRestartingAtRandomPointsWhileTheFileGrowsReadsEveryLineOnce() throws Exception {
    Path log = dir.resolve("game.log");
    Random random = new Random();
    List<String> written = new ArrayList<>();
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < 3000; i++) {
                    String line = "line " + i + " " + "é".repeat(random.nextInt(40));
                    written.add(line);
                    appendQuietly(log, line + (i % 7 == 0 ? "\r\n" : "\n"));
                    if (i % 100 == 0) {
                      sleep(random.nextInt(20));
                    }
                  }
                });
    int restarts = 0;
    while (writer.isAlive() || sink.storedLines().size() < 3000) {
      try (FileTailer tailer = tailer(log)) {
        tailer.start();
        sleep(random.nextInt(40));
      }
      restarts++;
      if (!writer.isAlive()) {
        try (FileTailer tailer = tailer(log)) {
          tailer.start();
          await().until(() -> sink.storedLines().size() >= 3000);
        }
      }
    }
    assertThat(restarts).isGreaterThan(3);
    assertThat(sink.storedLines()).containsExactlyElementsOf(written);
  }

  @Test
  void aFileRotatedWhileTheTailerWasStoppedIsFinishedBeforeTheNewOne() throws Exception {
    Path log = dir.resolve("game.log");
    append(log, lines("old", 0, 10));
    try (FileTailer tailer = tailer(log)) {
      tailer.start();
      await().until(() -> sink.storedLines().size() == 10);
    }
    append(log, lines("old", 10, 15));
    Files.move(log, dir.resolve("game-2026-12-07.log"));
    append(log, lines("new", 0, 4));
    try (FileTailer tailer = tailer(log)) {
      tailer.start();
      await().until(() -> sink.storedLines().size() == 19);
    }
    assertThat(sink.storedLines())
        .containsExactlyElementsOf(concat(lines("old", 0, 15), lines("new", 0, 4)));
  }

  private FileTailer tailer(Path log) {
    ServerCounters counters = new ServerCounters("eu-1");
    LinePublisher publisher =
        new LinePublisher("eu-1", "tail", new RawLines("tail"), sink, counters, false);
    return new FileTailer(
        "tail",
        log,
        new PositionStore(dir.resolve("state/tail.json")),
        publisher,
        Duration.ofMillis(10));
  }

  private static List<String> lines(String prefix, int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> prefix + " " + i).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void append(Path file, List<String> lines) throws IOException {
    Files.write(
        file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static void appendQuietly(Path file, String text) {
    try {
      Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
