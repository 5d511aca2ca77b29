package dev.gamingapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cost of an OAuth access token on the REST hot path: requests per second of one read route
 * ({@code GET /accounts/A/servers}) with a JWT and with a {@code gapi_} app token, in alternating
 * rounds on the same platform and the same HTTP client, sequential requests. The JWT is obtained
 * through the real authorization code flow (consent form posted as a browser would).
 */
final class OAuthBench {
  private static final String PLAN =
      """
      [{"name": "unlimited", "memory_storage": 4194304, "disk_storage": 33554432, "streams": 3,
        "consumers": 20, "max_payload": 262144, "event_max_age_seconds": 604800,
        "event_max_bytes": 25165824, "connections": 10, "api_requests_per_minute": 100000000}]
      """;
  private static final String REDIRECT = "http://127.0.0.1:9/cb";
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROUNDS = 6;
  private static final int PER_ROUND = 3000;

  private final HttpClient http = HttpClient.newHttpClient();
  private String base;
  private String operator;

  void run() throws Exception {
    Path dataDir = Files.createTempDirectory("bench-oauth-");
    Path plans = Files.writeString(Files.createTempFile("bench-plans-", ".json"), PLAN);
    ApiConfig api = new ApiConfig("127.0.0.1", 0, null, plans);
    try (Platform platform =
        new Platform(PlatformSettings.of(PlatformConfig.embedded(dataDir, 0)).withApi(api))
            .start()) {
      base = platform.connectionInfo().httpUrl();
      operator = Files.readString(platform.connectionInfo().operatorToken()).strip();
      send("POST", "/api/v1/accounts", "{\"name\":\"bench\",\"plan\":\"unlimited\"}", operator);
      send("POST", "/api/v1/accounts/bench/servers", "{\"id\":\"s1\"}", operator);
      String owner =
          send(
                  "POST",
                  "/api/v1/accounts/bench/users",
                  "{\"name\":\"boss\",\"kind\":\"owner\"}",
                  operator)
              .path("token")
              .asText();
      String app =
          send(
                  "POST",
                  "/api/v1/accounts/bench/users",
                  "{\"name\":\"app\",\"kind\":\"app\"}",
                  operator)
              .path("token")
              .asText();
      String jwt = accessToken(owner);
      String route = "/api/v1/accounts/bench/servers";
      rate(route, app, PER_ROUND); // warm-up of both paths
      rate(route, jwt, PER_ROUND);
      double gapi = 0;
      double oauth = 0;
      for (int round = 0; round < ROUNDS; round++) {
        gapi += rate(route, app, PER_ROUND);
        oauth += rate(route, jwt, PER_ROUND);
      }
      gapi /= ROUNDS;
      oauth /= ROUNDS;
      System.out.printf(
          "oauth: GET %s, %d rounds of %d sequential requests per token kind, alternating%n"
              + "  gapi_ app token %.0f req/s; OAuth JWT %.0f req/s; JWT costs %.1f%% throughput%n",
          route, ROUNDS, PER_ROUND, gapi, oauth, 100 * (1 - oauth / gapi));
    }
  }

  private double rate(String path, String token, int count) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            path + ": " + response.statusCode() + " " + response.body());
      }
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * The authorization code flow with PKCE, the owner's browser played by a cookie-keeping client.
   */
  private String accessToken(String ownerToken) throws Exception {
    String client =
        send(
                "POST",
                "/api/v1/oauth/clients",
                "{\"name\":\"Bench\",\"homepage\":\"https://bench.example\",\"redirect_uris\":[\""
                    + REDIRECT
                    + "\"],\"scopes\":[\"events:read\"],\"type\":\"public\"}",
                operator)
            .path("client")
            .path("client_id")
            .asText();
    String verifier = "bench-verifier-0123456789-0123456789-0123456789";
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String page =
        browser
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            base
                                + "/oauth/authorize?response_type=code&client_id="
                                + client
                                + "&redirect_uri="
                                + encode(REDIRECT)
                                + "&scope=events%3Aread&state=s&code_challenge_method=S256"
                                + "&code_challenge="
                                + challenge))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String consent =
        form(browser, "/oauth/authorize", hidden(page) + "&token=" + encode(ownerToken)).body();
    HttpResponse<String> back =
        form(
            browser,
            "/oauth/authorize/decision",
            hidden(consent)
                + "&all_servers=yes&all_event_types=yes&lifetime=2592000&decision=approve");
    String location = back.headers().firstValue("Location").orElseThrow();
    Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
    if (!code.find()) {
      throw new IllegalStateException("no code in " + location);
    }
    String tokens =
        form(
                http,
                "/oauth/token",
                "grant_type=authorization_code&code="
                    + code.group(1)
                    + "&client_id="
                    + client
                    + "&redirect_uri="
                    + encode(REDIRECT)
                    + "&code_verifier="
                    + verifier)
            .body();
    return JSON.readTree(tokens).path("access_token").asText();
  }

  private HttpResponse<String> form(HttpClient client, String path, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String hidden(String page) {
    StringBuilder fields = new StringBuilder();
    Matcher matcher = HIDDEN.matcher(page);
    while (matcher.find()) {
      String value = matcher.group(2).replace("&quot;", "\"").replace("&amp;", "&");
      fields.append(fields.isEmpty() ? "" : "&").append(matcher.group(1)).append('=');
      fields.append(encode(value));
    }
    return fields.toString();
  }

  private JsonNode send(String method, String path, String body, String token) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
