package dev.gamingapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used by the platform JVM and the nats-server child while nobody calls them: what idle tenants
 * cost. Read from Linux {@code /proc/<pid>/stat} (user + system ticks), as a share of one core.
 */
final class IdleCpu {
  /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat}'s times, on every common platform. */
  private static final double TICKS_PER_SECOND = 100;

  private IdleCpu() {}

  /** "JVM x% and nats-server y% of a core" over {@code seconds} of doing nothing. */
  static String measure(long brokerPid, int seconds) throws InterruptedException {
    long jvm = ProcessHandle.current().pid();
    long jvmBefore = ticks(jvm);
    long brokerBefore = ticks(brokerPid);
    long begin = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    double wall = (System.nanoTime() - begin) / 1e9;
    return String.format(
        "platform JVM %.1f%% and nats-server %.1f%% of one core over %d s idle",
        share(ticks(jvm) - jvmBefore, wall), share(ticks(brokerPid) - brokerBefore, wall), seconds);
  }

  private static double share(long ticks, double wallSeconds) {
    return ticks < 0 ? -1 : 100.0 * ticks / TICKS_PER_SECOND / wallSeconds;
  }

  /** utime + stime of {@code pid}, or -1 when they cannot be read. */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
