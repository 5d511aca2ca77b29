package dev.gamingapi.contract.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.contract.openapi.OpenApiExamples.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example of the OpenAPI document fits its schema, and the schemas refuse what they must. */
class OpenApiExamplesTest {
  private static final JsonNode DOCUMENT = OpenApiFixture.document();
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Example> examples() {
    return new OpenApiExamples(DOCUMENT).all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleFitsItsSchema(Example example) {
    assertThat(OpenApiFixture.schemaAt(DOCUMENT, example.schemaPointer()).validate(example.value()))
        .isEmpty();
  }

  @Test
  void everyRequestBodyAndEverySuccessfulResponseBodyHasAnExample() {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : DOCUMENT.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String name = operation.getKey() + " " + path.getKey();
        operation
            .getValue()
            .path("requestBody")
            .path("content")
            .properties()
            .forEach(media -> requireExamples(name + " request", media, missing));
        for (Map.Entry<String, JsonNode> response :
            operation.getValue().path("responses").properties()) {
          if (response.getKey().startsWith("2")) {
            response
                .getValue()
                .path("content")
                .properties()
                .forEach(media -> requireExamples(name + " " + response.getKey(), media, missing));
          }
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(examples()).hasSizeGreaterThan(40);
  }

  @Test
  void everyComponentExampleIsUsed() {
    Set<String> unused = new TreeSet<>();
    DOCUMENT.at("/components/examples").fieldNames().forEachRemaining(unused::add);
    unused.removeIf(name -> DOCUMENT.toString().contains("\"#/components/examples/" + name + "\""));
    assertThat(unused).isEmpty();
  }

  @Test
  void anAccountWithoutItsPublicKeyOrWithAnUnknownFieldIsRefused() {
    ObjectNode account = (ObjectNode) DOCUMENT.at("/components/examples/Account/value").deepCopy();
    account.remove("public_key");
    account.put("owner", "alice");

    assertThat(validate("Account", account))
        .anyMatch(error -> error.contains("public_key"))
        .anyMatch(error -> error.contains("owner"));
  }

  @Test
  void badNamesIdsTokensAndTimesAreRefused() throws Exception {
    assertThat(validate("AccountCreate", "{\"name\": \"Bad Name!\", \"plan\": \"standard\"}"))
        .anyMatch(error -> error.contains("/name"));
    assertThat(validate("ServerCreate", "{\"id\": \"eu.1\"}")).anyMatch(e -> e.contains("/id"));
    assertThat(validate("Token", "\"gapi_short\"")).isNotEmpty();
    assertThat(validate("ShareId", "\"shr_sS9G03xdvget9prIWHqcK\"")).isNotEmpty();
    assertThat(validate("Time", "\"yesterday\"")).isNotEmpty();
  }

  @Test
  void aUserCreateRefusesAServerOutsideGameServersAndFiltersOutsideApps() throws Exception {
    assertThat(validate("UserCreate", "{\"name\": \"h\", \"kind\": \"game_server\"}"))
        .as("game_server without server")
        .isNotEmpty();
    assertThat(validate("UserCreate", "{\"name\": \"a\", \"kind\": \"app\", \"server\": \"eu-1\"}"))
        .as("app with server")
        .isNotEmpty();
    assertThat(validate("UserCreate", "{\"name\": \"o\", \"kind\": \"owner\", \"servers\": []}"))
        .as("owner with servers")
        .isNotEmpty();
    assertThat(validate("UserCreate", "{\"name\": \"a\", \"kind\": \"app\", \"servers\": []}"))
        .isEmpty();
  }

  @Test
  void anEmptyPatchAndAProblemWithTheWrongStatusOrStrayErrorsAreRefused() throws Exception {
    assertThat(validate("AccountPatch", "{}")).isNotEmpty();
    ObjectNode problem =
        (ObjectNode) DOCUMENT.at("/components/examples/BadRequest/value").deepCopy();
    assertThat(validate("Problem400", problem)).isEmpty();
    assertThat(validate("Problem404", problem)).anyMatch(error -> error.contains("status"));
    problem.put("status", 404).put("type", "https://gamingapi.dev/problems/not-found");
    assertThat(validate("Problem404", problem)).as("errors outside a 400").isNotEmpty();
  }

  @Test
  void aPageNeedsItsCursorEvenWhenItIsNull() throws Exception {
    assertThat(validate("ServerPage", "{\"items\": []}")).anyMatch(e -> e.contains("next_cursor"));
    assertThat(validate("ServerPage", "{\"items\": [], \"next_cursor\": null}")).isEmpty();
  }

  private static void requireExamples(
      String name, Map.Entry<String, JsonNode> media, List<String> missing) {
    if (media.getValue().path("examples").isEmpty() && !media.getValue().has("example")) {
      missing.add(name + " " + media.getKey());
    }
  }

  private static List<String> validate(String schema, String json) throws Exception {
    return validate(schema, JSON.readTree(json));
  }

  private static List<String> validate(String schema, JsonNode value) {
    return OpenApiFixture.schemaAt(DOCUMENT, "/components/schemas/" + schema)
        .validate(value)
        .stream()
        .map(Object::toString)
        .toList();
  }
}
