package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.server.notify.NotifyConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped platform leaves no thread behind: a closed platform whose threads lived on kept a
 * benchmark JVM from exiting.
 */
class PlatformThreadsTest {
  @TempDir Path dataDir;

  @Test
  void closeEndsEveryThreadThePlatformStarted() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    Platform platform =
        new Platform(
                PlatformSettings.of(PlatformConfig.embedded(dataDir, 0))
                    .withNotifications(NotifyConfig.defaults().allowingPrivate()))
            .start();
    ConnectionInfo info = platform.connectionInfo();
    String token = Files.readString(info.operatorToken()).strip();
    // Work that starts the lazily made parts: a notification sent (the HTTP client), and tenants
    // whose read models, commands and notifications are still connecting when the platform stops.
    JsonNode rule =
        post(
            info.httpUrl() + "/api/v1/accounts/default/notifications",
            token,
            "{\"name\":\"hook\",\"kind\":\"webhook\",\"url\":\"http://127.0.0.1:9/hook\","
                + "\"event_types\":[\"server.started\"]}");
    String id = rule.path("notification").path("id").asText();
    post(info.httpUrl() + "/api/v1/accounts/default/notifications/" + id + "/test", token, "");
    for (String tenant : List.of("acme", "globex", "initech")) {
      post(
          info.httpUrl() + "/api/v1/accounts",
          token,
          "{\"name\":\"" + tenant + "\",\"plan\":\"free\"}");
    }
    assertThat(started(before)).as("threads of the running platform").isNotEmpty();

    platform.close();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(started(before)).as("threads left behind").isEmpty());
  }

  /** POSTs {@code body} with a client closed at once, so its threads are not counted. */
  private static JsonNode post(String url, String token, String body) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(url + ": " + response.body()).isBetween(200, 201);
      return new ObjectMapper().readTree(response.body());
    }
  }

  /** Live threads that were not there {@code before}, by name. */
  private static List<String> started(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive())
        .filter(thread -> !jvmOwned(thread.getName()))
        .map(thread -> thread.getName() + (thread.isDaemon() ? " (daemon)" : ""))
        .sorted()
        .collect(Collectors.toList());
  }

  /** Threads the JVM itself starts lazily and keeps, whoever asked first. */
  private static boolean jvmOwned(String name) {
    return name.startsWith("ForkJoinPool.commonPool")
        || name.startsWith("process reaper")
        || name.equals("Attach Listener")
        || name.startsWith("Common-Cleaner")
        || name.startsWith("InnocuousThread")
        // the carriers of virtual threads, and the test's own waiting thread
        || name.startsWith("ForkJoinPool-1-")
        || name.equals("VirtualThread-unblocker")
        // the JDK's socket pollers for virtual threads (the broker connections' reads and writes)
        || name.equals("MasterPoller")
        || name.endsWith("-Poller")
        || name.equals("awaitility-thread")
        // BouncyCastle's entropy source, one per JVM
        || name.equals("BC Entropy Daemon");
  }
}
