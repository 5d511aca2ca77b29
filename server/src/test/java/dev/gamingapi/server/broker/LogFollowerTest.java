package dev.gamingapi.server.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's ready line is found however much the broker wrote before it: with 3,000 tenants
 * nats-server restored 6,000 streams in 2 MB of log first, and a read of the first megabyte never
 * saw the line, so the platform did not start.
 */
class LogFollowerTest {
  @TempDir Path dir;

  @Test
  void findsTheMarkerAfterMegabytesAndAcrossTwoWrites() throws Exception {
    Path log = dir.resolve("nats-server.log");
    Files.writeString(log, "[1] an older run\n[1] Server is ready\n");
    long start = Files.size(log);
    LogFollower follower = new LogFollower(log, start, "Server is ready");
    assertThat(follower.seen()).as("the older run's line does not count").isFalse();

    String restore = "[2] Starting restore for stream 'ACCOUNT > EVENTS'\n";
    append(log, restore.repeat(3 * 1024 * 1024 / restore.length()) + "[2] Server is re");
    assertThat(follower.seen()).isFalse();
    append(log, "ady\n");
    assertThat(follower.seen()).isTrue();
  }

  @Test
  void countsTheStreamsRestoredOnceEachEvenWhenALineIsCutBetweenTwoReads() throws Exception {
    Path log = dir.resolve("nats-server.log");
    Files.writeString(log, "[1]   Restored 5 messages for stream 'OLD > EVENTS'\n");
    LogFollower follower = new LogFollower(log, Files.size(log), "Server is ready");
    String line = "[2]   Restored 1,024 messages for stream 'ACCOUNT > EVENTS'\n";
    append(log, line.repeat(3) + "[2]   Restored 7 messages fo");
    follower.seen();
    assertThat(follower.restored()).isEqualTo(3);
    long position = follower.position();
    append(log, "r stream 'ACCOUNT > COMMANDS'\n");
    follower.seen();
    assertThat(follower.restored()).as("the line cut in two counts once").isEqualTo(4);
    assertThat(follower.position()).isGreaterThan(position);
    follower.seen();
    assertThat(follower.restored()).as("nothing new, nothing counted").isEqualTo(4);
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
