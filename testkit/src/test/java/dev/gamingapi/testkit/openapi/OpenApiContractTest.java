package dev.gamingapi.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-written exchanges against the REST API's own document. */
class OpenApiContractTest {
  private static final OpenApiContract CONTRACT = OpenApiContract.load();
  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";
  private static final String ACCOUNT =
      """
      {"name": "acme", "plan": "standard", "description": "",
       "public_key": "ATXGSME4XWVRIUTNNLQAT5EV2QJXRJ24Z4FWRRYNYANLBJ42B7KG4HIA",
       "created_at": "2026-11-24T10:15:30Z", "updated_at": "2026-11-24T10:15:30Z"}""";
  private static final String SERVER =
      "{\"id\": \"eu-1\", \"name\": \"EU #1\", \"created_at\": \"2026-11-24T10:15:30Z\"}";

  @Test
  void aValidCreationPasses() {
    Exchange exchange =
        new Exchange(
            "POST",
            "/api/v1/accounts",
            JSON,
            "{\"name\": \"acme\", \"plan\": \"standard\"}",
            201,
            "application/json; charset=utf-8",
            Map.of("location", "/api/v1/accounts/acme"),
            ACCOUNT);

    assertThat(CONTRACT.violations(exchange)).isEmpty();
    assertThatCode(() -> CONTRACT.assertValid(exchange)).doesNotThrowAnyException();
  }

  @Test
  void validReadsOfEveryKindPass() {
    assertThat(get("/api/v1/accounts/acme/servers/eu-1", 200, JSON, SERVER)).isEmpty();
    assertThat(get("/api/v1/accounts/acme/servers/eu%2D1", 200, JSON, SERVER)).isEmpty();
    assertThat(get("/api/v1/accounts?limit=200&cursor=MTA0", 200, JSON, page(ACCOUNT))).isEmpty();
    assertThat(get("/api/v1/health", 503, JSON, health("down"))).isEmpty();
    assertThat(get("/metrics", 200, "text/plain; version=0.0.4", "# EOF\n")).isEmpty();
    assertThat(
            CONTRACT.violations(
                new Exchange(
                    "DELETE",
                    "/api/v1/accounts/acme?confirm=acme",
                    null,
                    null,
                    204,
                    null,
                    null,
                    null)))
        .isEmpty();
  }

  @Test
  void anUndeclaredStatusIsAViolation() {
    assertThat(get("/api/v1/accounts/acme", 201, JSON, ACCOUNT))
        .singleElement(STRING)
        .contains("status 201 is not declared")
        .contains("200, 400");
  }

  @Test
  void anUndeclaredPathOrMethodIsAViolation() {
    assertThat(get("/api/v1/accounts/acme/nope", 200, JSON, "{}"))
        .singleElement(STRING)
        .contains("no path of the document matches /api/v1/accounts/acme/nope");
    assertThat(
            CONTRACT.violations(
                new Exchange("PUT", "/api/v1/accounts/acme", JSON, "{}", 200, JSON, null, ACCOUNT)))
        .singleElement(STRING)
        .contains("PUT is not declared for /api/v1/accounts/{account}");
  }

  @Test
  void aResponseMissingARequiredFieldIsAViolation() {
    assertThat(get("/api/v1/accounts/acme/servers/eu-1", 200, JSON, "{\"id\": \"eu-1\"}"))
        .anySatisfy(violation -> assertThat(violation).contains("response body", "name"))
        .anySatisfy(violation -> assertThat(violation).contains("response body", "created_at"));
  }

  @Test
  void anExtraFieldInAStrictRequestBodyIsAViolationWhenTheServerAcceptsIt() {
    String body = "{\"id\": \"eu-1\", \"colour\": \"red\"}";
    Exchange accepted =
        new Exchange(
            "POST",
            "/api/v1/accounts/acme/servers",
            JSON,
            body,
            201,
            JSON,
            Map.of("Location", "/api/v1/accounts/acme/servers/eu-1"),
            SERVER);

    assertThat(CONTRACT.violations(accepted))
        .singleElement(STRING)
        .contains("request body", "colour");
    assertThat(CONTRACT.violations(refused("POST", "/api/v1/accounts/acme/servers", body)))
        .as("refusing it is what the contract asks")
        .isEmpty();
  }

  @Test
  void aWrongContentTypeIsAViolation() {
    assertThat(get("/api/v1/accounts/acme", 200, "text/html", ACCOUNT))
        .singleElement(STRING)
        .contains("content type text/html is not declared");
    assertThat(get("/api/v1/accounts/acme", 404, JSON, problem(404, "not-found")))
        .as("errors are application/problem+json")
        .singleElement(STRING)
        .contains("application/json is not declared");
  }

  @Test
  void aProblemOfTheWrongKindOrWithoutItsHeaderIsAViolation() {
    assertThat(get("/api/v1/accounts/acme", 404, PROBLEM, problem(404, "conflict")))
        .anySatisfy(violation -> assertThat(violation).contains("/type"));
    assertThat(get("/api/v1/accounts/acme", 429, PROBLEM, problem(429, "rate-limited")))
        .singleElement(STRING)
        .contains("response header Retry-After is missing");
    Exchange withoutLocation =
        new Exchange(
            "POST",
            "/api/v1/accounts",
            JSON,
            "{\"name\": \"acme\", \"plan\": \"standard\"}",
            201,
            JSON,
            Map.of(),
            ACCOUNT);
    assertThat(CONTRACT.violations(withoutLocation))
        .singleElement(STRING)
        .contains("response header Location is missing");
  }

  @Test
  void anAcceptedRequestWithBadParametersIsAViolation() {
    assertThat(get("/api/v1/accounts/Bad%20Name/servers", 200, JSON, page(SERVER)))
        .singleElement(STRING)
        .contains("path parameter account='Bad Name'");
    assertThat(get("/api/v1/accounts?limit=500", 200, JSON, page(ACCOUNT)))
        .singleElement(STRING)
        .contains("query parameter limit='500'");
    assertThat(get("/api/v1/plans?limit=5", 200, JSON, "{\"items\": [], \"next_cursor\": null}"))
        .singleElement(STRING)
        .contains("query parameter limit is not declared");
    assertThat(
            CONTRACT.violations(
                new Exchange("DELETE", "/api/v1/accounts/acme", null, null, 204, null, null, null)))
        .singleElement(STRING)
        .contains("required query parameter confirm is missing");
  }

  @Test
  void aBodyWhereNoneIsDeclaredOrNotJsonIsAViolation() {
    assertThat(
            CONTRACT.violations(
                new Exchange(
                    "DELETE",
                    "/api/v1/accounts/acme/shares/shr_sS9G03xdvget9prIWHqcKg",
                    null,
                    null,
                    204,
                    JSON,
                    null,
                    "{}")))
        .singleElement(STRING)
        .contains("declares no body");
    assertThat(get("/api/v1/accounts/acme", 200, JSON, "{\"name\": \"acme\"} trailing"))
        .singleElement(STRING)
        .contains("response body is not JSON");
  }

  @Test
  void assertValidListsEveryViolation() {
    Exchange bad =
        new Exchange(
            "GET", "/api/v1/accounts/acme/servers/eu-1", null, null, 200, JSON, null, "{}");

    assertThatThrownBy(() -> CONTRACT.assertValid(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /api/v1/accounts/acme/servers/eu-1 -> 200: response body")
        .hasMessageContaining("created_at")
        .hasMessageContaining("'id'");
  }

  private static List<String> get(String path, int status, String contentType, String body) {
    return CONTRACT.violations(
        new Exchange("GET", path, null, null, status, contentType, null, body));
  }

  private static Exchange refused(String method, String path, String body) {
    return new Exchange(
        method, path, JSON, body, 400, PROBLEM, null, problem(400, "invalid-request"));
  }

  private static String problem(int status, String slug) {
    return "{\"type\": \"https://gamingapi.dev/problems/%s\", \"title\": \"t\", \"status\": %d}"
        .formatted(slug, status);
  }

  private static String page(String item) {
    return "{\"items\": [" + item + "], \"next_cursor\": null}";
  }

  private static String health(String status) {
    return "{\"status\": \"%s\", \"broker\": \"down\", \"database\": \"up\", \"version\": \"0.1.0\"}"
        .formatted(status);
  }
}
