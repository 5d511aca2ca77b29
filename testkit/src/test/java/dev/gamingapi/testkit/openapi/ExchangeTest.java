package dev.gamingapi.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Exchange#of} over a real loopback HTTP server, as the server and CLI tests will use it.
 */
class ExchangeTest {
  private static final String ACCOUNT =
      """
      {"name": "acme", "plan": "standard", "description": "",
       "public_key": "ATXGSME4XWVRIUTNNLQAT5EV2QJXRJ24Z4FWRRYNYANLBJ42B7KG4HIA",
       "created_at": "2026-11-24T10:15:30Z", "updated_at": "2026-11-24T10:15:30Z"}""";

  private HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/accounts",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          // The query decides whether the fake forgets the Location header.
          if (exchange.getRequestURI().getRawQuery() == null) {
            exchange.getResponseHeaders().add("Location", "/api/v1/accounts/acme");
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          byte[] body = ACCOUNT.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void anExchangeOfTheJdkClientKeepsPathQueryHeadersAndBodies() throws Exception {
    String body = "{\"name\": \"acme\", \"plan\": \"standard\"}";
    HttpRequest request = post("/api/v1/accounts", body);

    Exchange exchange = Exchange.of(request, body, send(request));

    assertThat(exchange.method()).isEqualTo("POST");
    assertThat(exchange.path()).isEqualTo("/api/v1/accounts");
    assertThat(exchange.requestContentType()).isEqualTo("application/json");
    assertThat(exchange.status()).isEqualTo(201);
    assertThat(exchange.responseContentType()).isEqualTo("application/json");
    assertThat(exchange.responseHeaders()).containsKey("LOCATION");
    OpenApiContract.load().assertValid(exchange);
  }

  @Test
  void aRealResponseWithoutItsLocationIsAViolation() throws Exception {
    String body = "{\"name\": \"acme\", \"plan\": \"standard\"}";
    HttpRequest request = post("/api/v1/accounts?forget=location", body);

    assertThat(OpenApiContract.load().violations(Exchange.of(request, body, send(request))))
        .anySatisfy(v -> assertThat(v).contains("response header Location is missing"))
        .anySatisfy(v -> assertThat(v).contains("query parameter forget is not declared"));
  }

  @Test
  void headerNamesAreMatchedIgnoringCase() {
    Exchange exchange =
        new Exchange("get", "/x", null, null, 200, null, Map.of("retry-after", "1"), null);

    assertThat(exchange.method()).isEqualTo("GET");
    assertThat(exchange.responseHeaders()).extractingByKey("Retry-After", STRING).isEqualTo("1");
  }

  private HttpRequest post(String path, String body) {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
