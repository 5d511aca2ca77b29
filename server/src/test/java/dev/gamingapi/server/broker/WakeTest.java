package dev.gamingapi.server.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A park holds a plain subscription until something is published, and a park that cannot be set up
 * is not the consumer's failure: it returns, and the consumer pulls again. With 10,000 tenants a
 * failed park once restarted its consumer (rebuilt from the database), which made the busy broker
 * busier and failed more parks.
 */
class WakeTest {
  private static final List<String> SUBJECTS = List.of("wake.test.>");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static NatsServerProcess broker;
  private static Connection connection;
  private static int monitorPort;

  @BeforeAll
  static void start() throws Exception {
    monitorPort = FreePorts.next();
    broker =
        NatsServerProcess.start(
            NatsServerProcess.tempDir(),
            FreePorts.next(),
            "http: \"127.0.0.1:" + monitorPort + "\"");
    connection = Nats.connect(broker.url());
  }

  @AfterAll
  static void stop() throws Exception {
    connection.close();
    broker.close();
  }

  @Test
  void aParkWhoseBacklogCannotBeReadReturnsAtOnceAndListensNoMore() throws Exception {
    long before = subscriptions();
    Wake wake = new Wake();
    CompletableFuture<Void> parked =
        CompletableFuture.runAsync(
            () ->
                park(
                    wake,
                    () -> {
                      throw new IOException("timeout waiting for the broker");
                    }));

    parked.get(30, TimeUnit.SECONDS); // not the hour: the caller pulls again at once
    assertThat(wake.parked()).isFalse();
    await().atMost(Duration.ofSeconds(30)).until(() -> subscriptions() == before);
  }

  @Test
  void aMessageCountedLateIsFoundByTheSecondLook() throws Exception {
    // The first count misses a message the stream was still storing: the second one sees it.
    AtomicInteger looks = new AtomicInteger();
    Wake wake = new Wake();
    CompletableFuture<Void> parked =
        CompletableFuture.runAsync(() -> park(wake, () -> looks.incrementAndGet() > 1 ? 1 : 0));

    parked.get(30, TimeUnit.SECONDS);
    assertThat(looks).hasValue(2);
  }

  @Test
  void aPublishWakesTheParkedConsumer() throws Exception {
    long before = subscriptions();
    Wake wake = new Wake();
    CompletableFuture<Void> parked = CompletableFuture.runAsync(() -> park(wake, () -> 0));
    await().atMost(Duration.ofSeconds(30)).until(() -> subscriptions() == before + 1);
    assertThat(wake.parked()).isTrue();

    connection.publish("wake.test.event", new byte[0]);
    parked.get(30, TimeUnit.SECONDS);
    assertThat(wake.parked()).isFalse();
    await().atMost(Duration.ofSeconds(30)).until(() -> subscriptions() == before);
  }

  private static void park(Wake wake, Wake.Backlog backlog) {
    try {
      wake.park(connection, SUBJECTS, backlog, () -> false, HOUR);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Subscriptions on the broker, as its monitoring endpoint counts them. */
  private static long subscriptions() throws Exception {
    HttpResponse<String> varz =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitorPort + "/varz")).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(varz.body()).path("subscriptions").asLong();
  }
}
