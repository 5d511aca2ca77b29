package dev.gamingapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.ApiProblemException;
import dev.gamingapi.sdk.GamingApiException;
import dev.gamingapi.sdk.rest.RestClient;
import dev.gamingapi.sdk.rest.RestResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

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

  /** Sends command {@code seq}, noting its time in {@code sent}; its id, or null if refused. */
  String send(int seq, AtomicLongArray sent, String name, Map<String, Object> args) {
    return send(seq, sent, null, name, args);
  }

  /**
   * As {@link #send(int, AtomicLongArray, String, Map)}, noting in {@code answered} when the 202
   * came.
   */
  String send(
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
