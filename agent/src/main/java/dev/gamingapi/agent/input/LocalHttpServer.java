package dev.gamingapi.agent.input;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's HTTP server as an input uses it: listening on one address for one path, on a pool of
 * named platform threads, and at close waiting for the requests in flight (they answer only once
 * their events are journaled) before the journal closes.
 */
public final class LocalHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final Duration drain;

  private LocalHttpServer(HttpServer server, ExecutorService executor, Duration drain) {
    this.server = server;
    this.executor = executor;
    this.drain = drain;
  }

  /**
   * Listens on {@code bind:port} (port 0: any free one) and serves {@code path} with {@code
   * handler} on {@code threads} threads named after the input.
   *
   * @throws UncheckedIOException naming the input and address when it cannot listen there
   */
  public static LocalHttpServer start(
      String input,
      String bind,
      int port,
      String path,
      HttpHandler handler,
      int threads,
      Duration drain) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(bind, port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(input + ": cannot listen on " + bind + ":" + port, e);
    }
    server.createContext(path, handler);
    ExecutorService executor =
        Executors.newFixedThreadPool(threads, Thread.ofPlatform().name(input + "-", 0).factory());
    server.setExecutor(executor);
    server.start();
    return new LocalHttpServer(server, executor, drain);
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
