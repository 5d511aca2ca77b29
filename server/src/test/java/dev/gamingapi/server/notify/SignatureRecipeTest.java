package dev.gamingapi.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.server.testing.NotifyEvents;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import dev.gamingapi.testkit.http.RecordingEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signature recipes of docs/notifications.md, run as written against a real delivery: the
 * signature verifies, and a tampered body or a wrong secret does not.
 */
class SignatureRecipeTest extends PlatformPerClass {
  private static final Pattern RECIPE =
      Pattern.compile("<!-- verify-recipe: (\\w+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

  private RecordingEndpoint endpoint;
  private RecordingEndpoint.Request delivered;
  private String secret;

  @Override
  protected void setUpPlatform() throws Exception {
    endpoint = RecordingEndpoint.start();
    fixture.account("acme", "standard");
    PlatformFixture.Issued owner = fixture.user("acme", "{\"name\":\"o\",\"kind\":\"owner\"}");
    secret =
        owner
            .api()
            .post(
                "/api/v1/accounts/acme/notifications",
                "{\"kind\":\"webhook\",\"url\":\"" + endpoint.url("/hook") + "\"}")
            .json()
            .path("secret")
            .asText();
    try (PlatformFixture.Client client = fixture.connect(owner, null)) {
      NotifyEvents.publish(
          client.connection(), "eu-1", new PlayerConnected("p1", "Ada \"é\" 🎮", "203.0.113.7"));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.accepted().size() == 1);
    delivered = endpoint.accepted().get(0);
  }

  @AfterAll
  void stopEndpoint() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private static String recipe(String language) throws Exception {
    Matcher matcher = RECIPE.matcher(Files.readString(Path.of("../docs/notifications.md")));
    while (matcher.find()) {
      if (matcher.group(1).equals(language)) {
        return matcher.group(2);
      }
    }
    throw new AssertionError("docs/notifications.md has no " + language + " recipe");
  }

  private int run(String language, byte[] body, String key, Path dir) throws Exception {
    Path script = dir.resolve("verify." + language);
    Files.writeString(script, recipe(language));
    Files.write(dir.resolve("body.json"), body);
    List<String> command =
        language.equals("sh")
            ? List.of("sh", script.toString())
            : List.of("python3", script.toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("SECRET", key);
    builder.environment().put("TIMESTAMP", delivered.header("GamingAPI-Timestamp"));
    builder.environment().put("SIGNATURE", delivered.header("GamingAPI-Signature"));
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(output).as(language + " output").containsPattern("signature (valid|INVALID)");
    return process.exitValue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sh", "python"})
  void theDocumentedRecipeVerifiesTheSignatureAndRefusesATamperedBody(String language)
      throws Exception {
    assumeTrue(
        new ProcessBuilder(
                    language.equals("sh")
                        ? List.of("openssl", "version")
                        : List.of("python3", "-V"))
                .start()
                .waitFor()
            == 0,
        language + " recipe needs " + (language.equals("sh") ? "openssl" : "python3"));
    Path dir = Files.createTempDirectory(fixture.dataDir, "recipe-");
    byte[] body = delivered.body();
    assertThat(secret).startsWith("whsec_");
    assertThat(run(language, body, secret, dir)).as("genuine").isZero();

    byte[] tampered = delivered.text().replace("Ada", "Eve").getBytes("UTF-8");
    assertThat(run(language, tampered, secret, dir)).as("tampered body").isNotZero();
    assertThat(run(language, body, secret + "x", dir)).as("wrong secret").isNotZero();
  }
}
