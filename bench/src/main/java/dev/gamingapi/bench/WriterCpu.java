package dev.gamingapi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the read models' writer threads ({@code gamingapi-readmodel-writer-*}: a batch's fold
 * and SQL, all of SQLite's work, the JDBC client's side of PostgreSQL's). Unlike an apply rate, CPU
 * time barely moves when other processes share the cores, so it compares two builds on a busy
 * machine; it leaves out decoding (on the consumer's virtual thread) and PostgreSQL's server.
 */
final class WriterCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private WriterCpu() {}

  /** Nanoseconds of CPU the writer threads have used so far. */
  static long nanos() {
    long total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("gamingapi-readmodel-writer-")) {
        long cpu = THREADS.getThreadCpuTime(thread.threadId());
        total += Math.max(0, cpu);
      }
    }
    return total;
  }
}
