package dev.gamingapi.server.accounts.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plans tenants can be on, by name: three built-in ones ({@code free}, {@code standard}, the
 * first GamingAPI broker account, and {@code pro}), to which a JSON file in the configuration can
 * add plans or replace them by name.
 */
public final class PlanCatalog {
  private static final long MIB = 1024L * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Plan> plans;
  private final List<String> order;

  private PlanCatalog(Map<String, Plan> plans) {
    this.plans = Map.copyOf(plans);
    this.order = List.copyOf(plans.keySet());
  }

  /** The built-in plans. */
  public static PlanCatalog defaults() {
    Map<String, Plan> plans = new LinkedHashMap<>();
    for (Plan plan : builtIn()) {
      plans.put(plan.name(), plan);
    }
    return new PlanCatalog(plans);
  }

  private static List<Plan> builtIn() {
    return List.of(
        new Plan(
            "free", 64 * MIB, 256 * MIB, 3, 20, 256 * 1024, Duration.ofDays(7), 192 * MIB, 10, 120),
        Plan.defaultPlan(),
        new Plan(
            "pro",
            2048 * MIB,
            20 * 1024 * MIB,
            50,
            500,
            MIB,
            Duration.ofDays(90),
            16 * 1024 * MIB,
            1000,
            3000));
  }

  /**
   * The built-in plans with those of {@code file} added or replacing them by name. The file is a
   * JSON array of objects with the fields of {@code GET /api/v1/plans}.
   *
   * @throws IllegalArgumentException naming the file and the problem
   */
  public static PlanCatalog withFile(Path file) {
    Map<String, Plan> plans = new LinkedHashMap<>(defaults().plans);
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the plans file " + file + ": " + e.getMessage());
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("the plans file " + file + " must hold a JSON array");
    }
    for (JsonNode node : root) {
      Plan plan = fromJson(node, file);
      plans.put(plan.name(), plan);
    }
    return new PlanCatalog(plans);
  }

  private static Plan fromJson(JsonNode node, Path file) {
    try {
      return new Plan(
          required(node, "name").asText(),
          required(node, "memory_storage").asLong(),
          required(node, "disk_storage").asLong(),
          required(node, "streams").asLong(),
          required(node, "consumers").asLong(),
          required(node, "max_payload").asLong(),
          Duration.ofSeconds(required(node, "event_max_age_seconds").asLong()),
          required(node, "event_max_bytes").asLong(),
          required(node, "connections").asLong(),
          required(node, "api_requests_per_minute").asLong());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("plans file " + file + ": " + e.getMessage());
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("a plan lacks '" + field + "': " + node);
    }
    return value;
  }

  /** The plan named {@code name}, if any. */
  public Optional<Plan> find(String name) {
    return Optional.ofNullable(plans.get(name));
  }

  /** Every plan, built-in ones first. */
  public Collection<Plan> all() {
    return order.stream().map(plans::get).toList();
  }

  /** The names of the plans, for messages. */
  public List<String> names() {
    return order;
  }
}
