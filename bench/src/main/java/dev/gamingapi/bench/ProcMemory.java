package dev.gamingapi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of processes (Linux {@code /proc/<pid>/status}) and sizes of directories. */
final class ProcMemory {
  private ProcMemory() {}

  /** VmRSS of process {@code pid} in MiB, or -1 when it cannot be read. */
  static double rssMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          String kib = line.substring("VmRSS:".length()).replace("kB", "").strip();
          return Long.parseLong(kib) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or the process is gone
    }
    return -1;
  }

  /**
   * This JVM's VmRSS after a full GC, with the live heap, the committed heap (with {@code -Xms}
   * equal to {@code -Xmx} every heap page once touched stays resident) and the non-heap memory.
   */
  static String selfAfterGc() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    double heapUsed = (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024);
    double nonHeap =
        ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed() / (1024.0 * 1024);
    return String.format(
        "%.0f MiB RSS (heap: %.0f MiB used after GC of %.0f MiB committed; non-heap %.0f MiB)",
        rssMib(ProcessHandle.current().pid()),
        heapUsed,
        runtime.totalMemory() / (1024.0 * 1024),
        nonHeap);
  }

  /** Bytes of the regular files under {@code dir}, in MiB. */
  static double sizeMib(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(ProcMemory::size).sum() / (1024.0 * 1024);
    } catch (IOException e) {
      return -1;
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
