package dev.gamingapi.server.accounts.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans files: added plans, and names the API and the database both take. */
class PlanCatalogTest {
  @TempDir Path dir;

  private Path file(String name) throws Exception {
    return Files.writeString(
        dir.resolve("plans.json"),
        """
        [{"name": "%s", "memory_storage": 1048576, "disk_storage": 1048576, "streams": 1,
          "consumers": 1, "max_payload": 1024, "event_max_age_seconds": 60,
          "event_max_bytes": 1048576, "connections": 1, "api_requests_per_minute": 1}]
        """
            .formatted(name));
  }

  @Test
  void aPlansFileAddsPlans() throws Exception {
    assertThat(PlanCatalog.withFile(file("gold")).find("gold")).isPresent();
  }

  @Test
  void aPlanNameMustFitTheApiRuleAndTheDatabaseColumn() throws Exception {
    // 64 characters: SQLite would store it, PostgreSQL's VARCHAR(63) would not.
    assertThatThrownBy(() -> PlanCatalog.withFile(file("g".repeat(64))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must match");
    assertThatThrownBy(() -> PlanCatalog.withFile(file("Gold Plan")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must match");
  }
}
