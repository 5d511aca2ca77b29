package dev.gamingapi.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus files of {@code deploy/observability/} pass Prometheus' own checker: both scrape
 * configs load, the rules load, the rules' unit tests ({@code alerts-test.yml}) fire each alert
 * from synthetic series, and every query of the Grafana dashboard parses. {@code ./run-tests}
 * installs Debian's {@code prometheus} package for {@code promtool} and names it in {@code
 * GAMINGAPI_PROMTOOL}: then a missing promtool fails this test; run alone through Maven without it,
 * the test is skipped with that advice.
 */
class PromtoolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path promtool;

  @TempDir Path tmp;

  @BeforeAll
  static void findPromtool() {
    String required = System.getenv("GAMINGAPI_PROMTOOL");
    if (required != null && !required.isBlank()) {
      promtool = Path.of(required);
      assertThat(Files.isExecutable(promtool))
          .as("GAMINGAPI_PROMTOOL=%s is not an executable", required)
          .isTrue();
      return;
    }
    promtool = Path.of("/usr/bin/promtool");
    Assumptions.assumeTrue(
        Files.isExecutable(promtool),
        "promtool is missing: sudo apt-get install -y prometheus (./run-tests installs it)");
  }

  @Test
  void theScrapeConfigsLoad() throws Exception {
    assertThat(run("check", "config", ObservabilityFiles.PROMETHEUS.toString()).exit()).isZero();
    // The remote config names the operator token file Prometheus reads, which promtool insists
    // exists: checked as a copy pointing at a token file here.
    Path token = Files.writeString(tmp.resolve("token"), "gapi_op_x\n");
    Files.copy(ObservabilityFiles.ALERTS, tmp.resolve("alerts.yml"));
    Path remote =
        Files.writeString(
            tmp.resolve("prometheus-remote.yml"),
            Files.readString(ObservabilityFiles.PROMETHEUS_REMOTE)
                .replace("/etc/prometheus/gamingapi-operator-token", token.toString()));
    Result checked = run("check", "config", remote.toString());
    assertThat(checked.exit()).as(checked.output()).isZero();
  }

  @Test
  void theAlertRulesLoadAndTheirUnitTestsPass() throws Exception {
    Result rules = run("check", "rules", ObservabilityFiles.ALERTS.toString());
    assertThat(rules.exit()).as(rules.output()).isZero();
    assertThat(rules.output()).contains("SUCCESS: 9 rules found");
    Result tests = run("test", "rules", ObservabilityFiles.ALERTS_TEST.toString());
    assertThat(tests.exit()).as(tests.output()).isZero();
  }

  @Test
  void theUnitTestsCatchAThresholdChanged() throws Exception {
    // The unit tests would not notice a broken rule if they only loaded it: a storage alert at 95%
    // instead of 85% must make them fail, naming the alert.
    String alerts = Files.readString(ObservabilityFiles.ALERTS);
    assertThat(alerts).contains("gamingapi_jetstream_storage_max_bytes > 0.85");
    Files.writeString(
        tmp.resolve("alerts.yml"),
        alerts.replace(
            "gamingapi_jetstream_storage_max_bytes > 0.85",
            "gamingapi_jetstream_storage_max_bytes > 0.95"));
    Files.copy(ObservabilityFiles.ALERTS_TEST, tmp.resolve("alerts-test.yml"));
    Result tests = run("test", "rules", tmp.resolve("alerts-test.yml").toString());
    assertThat(tests.exit()).isNotZero();
    assertThat(tests.output()).contains("FAILED").contains("GamingApiJetStreamStorageNearlyFull");
  }

  @Test
  void everyQueryOfTheDashboardIsPromQl() throws Exception {
    // promtool has no query checker of its own, but it parses every rule's expression: the
    // dashboard's queries go through it as recording rules, with Grafana's variables given values.
    JsonNode dashboard = JSON.readTree(ObservabilityFiles.DASHBOARD.toFile());
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    int count = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        String expr =
            target
                .path("expr")
                .asText()
                .replace("$__rate_interval", "1m")
                .replace("$instance", ".*")
                .replace("$account", ".*");
        assertThat(expr).as("panel %s", panel.path("title")).isNotBlank().doesNotContain("$");
        rules
            .append("      - record: dashboard:query_")
            .append(++count)
            .append("\n        expr: ")
            .append(JSON.writeValueAsString(expr)) // a JSON string is a YAML double-quoted one
            .append('\n');
      }
    }
    assertThat(count).isGreaterThan(20);
    Path file = Files.writeString(tmp.resolve("dashboard-queries.yml"), rules);
    Result checked = run("check", "rules", file.toString());
    assertThat(checked.exit()).as(checked.output()).isZero();
    assertThat(checked.output()).contains("SUCCESS: " + count + " rules found");
  }

  private record Result(int exit, String output) {}

  private Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(promtool.toString());
    command.addAll(List.of(args));
    Path log = Files.createTempFile(tmp, "promtool", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("promtool did not finish within 60 s: " + command);
    }
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
