package dev.gamingapi.contract.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.contract.ContractDocuments;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The OpenAPI document, as swagger-parser reads it, against the routes of docs/api.md. */
class OpenApiDocumentTest {
  /** A route line of the guide: "- `DELETE /api/v1/accounts/{account}?confirm=...` ...". */
  /**
   * The OAuth 2.0 protocol endpoints: outside /api/v1 where OAuth client libraries expect them,
   * without a bearer token (the app has none yet: it authenticates as a client, or the owner's
   * browser signs in on the page), not rate limited as tokens are, and answering RFC 6749 errors
   * rather than problems.
   */
  private static final Set<String> OAUTH_PROTOCOL =
      Set.of(
          "GET /oauth/authorize",
          "POST /oauth/authorize",
          "POST /oauth/authorize/decision",
          "POST /oauth/token",
          "POST /oauth/revoke",
          "POST /oauth/introspect",
          "GET /.well-known/jwks.json",
          "GET /.well-known/oauth-authorization-server");

  /** Those where the client authenticates (HTTP Basic, or its id and secret in the form). */
  private static final Set<String> OAUTH_CLIENT_AUTH =
      Set.of("POST /oauth/token", "POST /oauth/revoke", "POST /oauth/introspect");

  private static final Pattern ROUTE = Pattern.compile("^- `(GET|POST|PUT|PATCH|DELETE) ([^`?]+)");

  @Test
  void swaggerParserReadsTheDocumentWithoutAnyMessage() {
    SwaggerParseResult result = OpenApiFixture.parse(ContractDocuments.openApiV1());

    assertThat(result.getMessages()).isEmpty();
    OpenAPI api = result.getOpenAPI();
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    assertThat(api.getPaths()).hasSize(57);
    assertThat(api.getComponents().getSchemas())
        .containsKeys(
            "Plan",
            "Account",
            "AccountCreate",
            "AccountPatch",
            "Usage",
            "Quota",
            "Server",
            "ServerCreate",
            "User",
            "UserCreate",
            "Credentials",
            "Share",
            "ShareCreate",
            "AuditEntry",
            "Health",
            "Problem");
  }

  @Test
  void swaggerParserReportsABrokenReferenceAndAMissingResponses() {
    ObjectNode document = OpenApiFixture.document();
    ObjectNode plans = (ObjectNode) document.at("/paths/~1api~1v1~1plans/get");
    plans.remove("responses");
    ((ObjectNode)
            document.at(
                "/paths/~1api~1v1~1accounts/post/requestBody/content/application~1json/schema"))
        .put("$ref", "#/components/schemas/NoSuchSchema");

    List<String> messages = OpenApiFixture.parse(document.toString()).getMessages();

    assertThat(messages)
        .anyMatch(message -> message.contains("responses"))
        .anyMatch(message -> message.contains("NoSuchSchema"));
  }

  @Test
  void everyRouteOfTheGuideIsAnOperationAndNothingElseIs() throws IOException {
    Set<String> guide = new TreeSet<>();
    boolean inRoutes = false;
    for (String line : Files.readAllLines(Path.of("../docs/api.md"))) {
      inRoutes |= line.equals("## Routes");
      Matcher route = ROUTE.matcher(line);
      if (inRoutes && route.find()) {
        guide.add(route.group(1) + " " + route.group(2));
      }
    }
    Set<String> document = new TreeSet<>();
    operations(OpenApiFixture.parse(ContractDocuments.openApiV1()).getOpenAPI())
        .forEach((name, operation) -> document.add(name));

    assertThat(guide).hasSize(75);
    assertThat(document).isEqualTo(guide);
  }

  @Test
  void everyOperationHasAUniqueIdAndTheErrorsOfItsKind() {
    OpenAPI api = OpenApiFixture.parse(ContractDocuments.openApiV1(), true).getOpenAPI();
    Set<String> ids = new TreeSet<>();
    operations(api)
        .forEach(
            (name, operation) -> {
              assertThat(ids.add(operation.getOperationId())).as("unique id of " + name).isTrue();
              Set<String> statuses = operation.getResponses().keySet();
              boolean open = name.endsWith("/health");
              if (OAUTH_PROTOCOL.contains(name)) {
                // RFC 6749 5.2 errors: 400, and 401 invalid_client where a client authenticates.
                if (operation.getRequestBody() != null) {
                  assertThat(statuses).as(name).contains("400");
                }
                if (OAUTH_CLIENT_AUTH.contains(name)) {
                  assertThat(statuses).as(name).contains("400", "401");
                }
                return;
              }
              if (!open) {
                assertThat(statuses).as(name).contains("401", "403", "429");
                assertThat(operation.getResponses().get("429").getHeaders())
                    .as(name)
                    .containsKey("Retry-After");
              }
              if (operation.getRequestBody() != null) {
                assertThat(statuses).as(name).contains("400", "413", "415");
              }
              if (name.contains("{account}")) {
                assertThat(statuses).as(name).contains("400", "404");
              }
              statuses.stream()
                  .filter(status -> status.equals("201"))
                  .forEach(
                      status ->
                          assertThat(operation.getResponses().get(status).getHeaders())
                              .as(name)
                              .containsKey("Location"));
            });
    assertThat(ids).hasSize(75);
  }

  @Test
  void everyRouteNeedsABearerTokenExceptHealthAndTheOAuthProtocol() {
    JsonNode document = OpenApiFixture.document();
    assertThat(document.at("/components/securitySchemes/bearer/scheme").asText())
        .isEqualTo("bearer");
    assertThat(document.at("/security/0").has("bearer")).isTrue();
    assertThat(document.at("/components/securitySchemes/oauthClient/scheme").asText())
        .isEqualTo("basic");
    List<String> open = new ArrayList<>();
    List<String> clientAuth = new ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          String name = op.getKey().toUpperCase() + " " + path.getKey();
                          JsonNode security = op.getValue().path("security");
                          if (security.isArray() && !security.toString().contains("bearer")) {
                            open.add(name);
                          }
                          if (security.toString().contains("oauthClient")) {
                            clientAuth.add(name);
                          }
                        }));
    // Metrics name every tenant: the operator token only (or a loopback-only metrics port). The
    // OAuth protocol endpoints take no bearer token (see OAUTH_PROTOCOL); nothing else is open.
    Set<String> expected = new TreeSet<>(OAUTH_PROTOCOL);
    expected.add("GET /api/v1/health");
    assertThat(open).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(clientAuth).containsExactlyInAnyOrderElementsOf(OAUTH_CLIENT_AUTH);
    assertThat(document.at("/paths/~1metrics/get/responses/200/content").has("text/plain"))
        .isTrue();
  }

  /** Every operation of {@code api} as "METHOD /path". */
  private static Map<String, Operation> operations(OpenAPI api) {
    Map<String, Operation> out = new TreeMap<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> out.put(method + " " + path, operation)));
    return out;
  }
}
