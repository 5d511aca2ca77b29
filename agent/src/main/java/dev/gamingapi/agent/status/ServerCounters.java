package dev.gamingapi.agent.status;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one game server, shared by all its inputs; thread-safe. Inputs also leave facts
 * worth showing (the receive buffer the kernel granted, a bound port) as notes.
 */
public final class ServerCounters {
  private final String serverId;
  private final Map<Counter, LongAdder> counts = new EnumMap<>(Counter.class);
  private final Map<String, String> notes = new ConcurrentHashMap<>();

  /** Zeroed counters of {@code serverId}. */
  public ServerCounters(String serverId) {
    this.serverId = serverId;
    for (Counter counter : Counter.values()) {
      counts.put(counter, new LongAdder());
    }
  }

  /** The server these counters belong to. */
  public String serverId() {
    return serverId;
  }

  /** Adds one to {@code counter}. */
  public void increment(Counter counter) {
    counts.get(counter).increment();
  }

  /** The current value of {@code counter}. */
  public long get(Counter counter) {
    return counts.get(counter).sum();
  }

  /** Records a fact about an input, e.g. {@code source-udp-0.receive_buffer = 4194304}. */
  public void note(String key, String value) {
    notes.put(key, value);
  }

  /** The notes, sorted by key. */
  public Map<String, String> notes() {
    return new TreeMap<>(notes);
  }
}
