package dev.gamingapi.cli.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;

/** {@code gamingapi plan list}: every plan with its limits (the API does not page plans). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List plans and limits.")
public final class PlanListCommand extends ApiCommand {
  @Override
  protected void run(RestClient client) {
    JsonNode plans = client.get("/plans");
    if (json()) {
      printJson(plans);
      return;
    }
    Table table =
        Table.of(
            "NAME",
            "MEMORY",
            "DISK",
            "STREAMS",
            "CONSUMERS",
            "MAX_PAYLOAD",
            "EVENTS_KEPT",
            "EVENT_BYTES",
            "CONNECTIONS",
            "API_REQ/MIN");
    for (JsonNode plan : plans.path("items")) {
      table.row(
          plan.path("name"),
          Units.bytes(plan.path("memory_storage").asLong()),
          Units.bytes(plan.path("disk_storage").asLong()),
          plan.path("streams"),
          plan.path("consumers"),
          Units.bytes(plan.path("max_payload").asLong()),
          Units.seconds(plan.path("event_max_age_seconds").asLong()),
          Units.bytes(plan.path("event_max_bytes").asLong()),
          plan.path("connections"),
          plan.path("api_requests_per_minute"));
    }
    table.print(out());
  }
}
