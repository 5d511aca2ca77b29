package dev.gamingapi.testkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gamingapi.contract.ContractDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks real HTTP exchanges against an OpenAPI 3.1 document, by default the REST API's own ({@link
 * ContractDocuments#openApiV1()}), so that the server's and the CLI's tests prove that what goes
 * over the wire is what the document says.
 *
 * <p>For an {@link Exchange} it finds the operation by method and path template (an unknown path or
 * method is a violation), then checks that the status is declared (exactly, as a range such as
 * {@code 4XX}, or as {@code default}), that the declared required response headers are there and
 * fit their schemas, that the response content type is a declared one and that a JSON body fits the
 * schema, {@code $ref}s resolved, with networknt's JSON Schema 2020-12 validator. When the server
 * accepted the request (status below 400) it also checks the path parameters against their schemas,
 * that the declared required query parameters are present and no undeclared one is, and the request
 * body: a request the contract forbids must not succeed. A request refused with a 4xx or 5xx is not
 * checked, since tests send bad requests on purpose to see them refused.
 *
 * <pre>{@code
 * OpenApiContract contract = OpenApiContract.load();
 * HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/accounts"))
 *     .header("Authorization", "Bearer " + operatorToken)
 *     .header("Content-Type", "application/json")
 *     .POST(BodyPublishers.ofString(body)).build();
 * HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
 * contract.assertValid(Exchange.of(request, body, response));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; load one per test class.
 */
public final class OpenApiContract {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final SchemaDocument document;
  private final List<Route> routes;

  private OpenApiContract(SchemaDocument document, List<Route> routes) {
    this.document = document;
    this.routes = routes;
  }

  /** The contract of the REST API v1, read from the contract module's class-path resource. */
  public static OpenApiContract load() {
    return of(ContractDocuments.openApiV1());
  }

  /** The contract of another OpenAPI 3.1 document, given as YAML or JSON text. */
  public static OpenApiContract of(String yamlOrJson) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yamlOrJson); // YAML is a superset of JSON
    } catch (IOException e) {
      throw new UncheckedIOException("not an OpenAPI document", e);
    }
    if (!root.path("openapi").asText().startsWith("3.1")) {
      throw new IllegalArgumentException("not an OpenAPI 3.1 document");
    }
    List<Route> routes = new ArrayList<>();
    root.path("paths")
        .properties()
        .forEach(
            path -> {
              String item = "/paths/" + Bodies.token(path.getKey());
              path.getValue()
                  .fieldNames()
                  .forEachRemaining(
                      method -> {
                        if (METHODS.contains(method)) {
                          routes.add(
                              new Route(
                                  method.toUpperCase(Locale.ROOT),
                                  PathTemplate.of(path.getKey()),
                                  item,
                                  item + "/" + method));
                        }
                      });
            });
    return new OpenApiContract(new SchemaDocument(root), List.copyOf(routes));
  }

  /**
   * What is wrong with {@code exchange}, one line each, each starting with the exchange (e.g.
   * {@code GET /api/v1/accounts/acme -> 200: response body: required property 'plan' not found});
   * empty when it keeps the contract.
   */
  public List<String> violations(Exchange exchange) {
    int question = exchange.path().indexOf('?');
    String rawPath = question < 0 ? exchange.path() : exchange.path().substring(0, question);
    String rawQuery = question < 0 ? null : exchange.path().substring(question + 1);
    List<String> found = new ArrayList<>();
    List<Route> onPath =
        routes.stream().filter(route -> route.path().match(rawPath).isPresent()).toList();
    Optional<Route> route =
        onPath.stream()
            .filter(candidate -> candidate.method().equals(exchange.method()))
            .max(Comparator.comparingInt(candidate -> candidate.path().literalSegments()));
    if (onPath.isEmpty()) {
      found.add("no path of the document matches " + rawPath);
    } else if (route.isEmpty()) {
      found.add(
          exchange.method()
              + " is not declared for "
              + onPath.getFirst().path().template()
              + " (declared: "
              + onPath.stream().map(Route::method).toList()
              + ")");
    } else {
      ResponseCheck.run(document, route.get(), exchange, found);
      if (exchange.status() < 400) {
        Map<String, String> values = route.get().path().match(rawPath).orElseThrow();
        RequestCheck.run(document, route.get(), values, rawQuery, exchange, found);
      }
    }
    return found.stream().map(violation -> exchange.label() + ": " + violation).toList();
  }

  /**
   * Throws an {@link AssertionError} listing the {@link #violations} of {@code exchange}, if any.
   */
  public void assertValid(Exchange exchange) {
    List<String> violations = violations(exchange);
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "the exchange breaks the OpenAPI contract:\n  " + String.join("\n  ", violations));
    }
  }
}
