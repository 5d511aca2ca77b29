package dev.gamingapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.ApiProblemException;
import dev.gamingapi.sdk.GamingApiException;
import dev.gamingapi.sdk.rest.RestClient;
import dev.gamingapi.sdk.rest.RestResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;

/**
 * The REST side of a command round trip, shared by the benches that time one: sending command
 * {@code seq} with the time it left, and one poller that notes when each command's success became
 * visible over REST.
 */
final class CommandTrips {
  static final Duration POLL = Duration.ofMillis(2);

  private final RestClient api;
  private final String commands;
  private final String bench;

  /**
   * @param commands the path of the server's commands
   * @param bench the bench's name, which starts its lines
   */
  CommandTrips(RestClient api, String commands, String bench) {
    this.api = api;
    this.commands = commands;
    this.bench = bench;
  }

  /**
   * Sends {@code total} commands {@code name} on a fixed schedule of {@code rate} a second (open
   * loop: each on a virtual thread of its own, so a slow answer delays no other command), command
   * {@code seq} with {@code args.apply(seq)}. Notes in {@code sent} when each left, in {@code
   * answered} (unless null) when its 202 came, and the id of each accepted one in {@code seqOfId};
   * returns once every send has ended.
   */
  void sendOnSchedule(
      int total,
      int rate,
      String name,
      IntFunction<Map<String, Object>> args,
      AtomicLongArray sent,
      AtomicLongArray answered,
      Map<String, Integer> seqOfId)
      throws InterruptedException {
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      long start = System.nanoTime();
      long interval = TimeUnit.SECONDS.toNanos(1) / rate;
      for (int i = 0; i < total; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(Duration.ofNanos(wait));
        }
        int seq = i;
        senders.submit(
            () -> {
              String id = send(seq, sent, answered, name, args.apply(seq));
              if (id != null) {
                seqOfId.put(id, seq);
              }
            });
      }
    }
  }

  /** Sends command {@code seq}, noting its times; its id, or null if refused. */
  private String send(
      int seq,
      AtomicLongArray sent,
      AtomicLongArray answered,
      String name,
      Map<String, Object> args) {
    sent.set(seq, System.nanoTime());
    try {
      RestResponse posted = api.send("POST", commands, Map.of("name", name, "args", args));
      if (answered != null) {
        answered.set(seq, System.nanoTime());
      }
      if (posted.status() != 202) {
        System.out.println(bench + ": send " + seq + " answered " + posted.body());
        return null;
      }
      return posted.body().path("id").asText();
    } catch (ApiProblemException e) {
      System.out.println(bench + ": send " + seq + " answered " + e.status() + " " + e.detail());
      return null;
    } catch (GamingApiException e) {
      System.out.println(bench + ": " + e);
      return null;
    }
  }

  /**
   * One poller for all commands, so the polling load stays the same however many are in flight: the
   * newest 200 succeeded commands every {@link #POLL}; the first time an id shows up is when its
   * success became visible over REST. Runs until {@code stop}.
   */
  void poll(Map<String, Integer> seqOfId, AtomicLongArray visibleAt, AtomicBoolean stop) {
    while (!stop.get()) {
      try {
        JsonNode page = api.get(commands + "?status=succeeded&limit=200");
        long now = System.nanoTime();
        for (JsonNode command : page.path("items")) {
          Integer seq = seqOfId.get(command.path("id").asText());
          if (seq != null && visibleAt.get(seq) == 0) {
            visibleAt.set(seq, now);
          }
        }
      } catch (GamingApiException e) {
        System.out.println(bench + ": poll: " + e);
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
