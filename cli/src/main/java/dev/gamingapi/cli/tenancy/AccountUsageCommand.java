package dev.gamingapi.cli.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi account usage NAME}: what an account uses of its plan, as the broker counts. */
@Command(
    name = "usage",
    mixinStandardHelpOptions = true,
    description = "Show what an account uses of its plan's limits.")
public final class AccountUsageCommand extends ApiCommand {
  private static final List<String> RESOURCES =
      List.of("memory", "disk", "streams", "consumers", "connections");
  private static final Set<String> IN_BYTES = Set.of("memory", "disk");

  @Parameters(paramLabel = "NAME", description = "Account name.")
  String name;

  @Override
  protected void run(RestClient client) {
    JsonNode usage = client.get(RestClient.path("accounts", name, "usage"));
    if (json()) {
      printJson(usage);
      return;
    }
    int replicas = usage.path("replicas").asInt(1);
    out()
        .printf(
            "Account '%s' on plan %s, %s%n",
            name,
            usage.path("plan").asText(),
            replicas == 1
                ? "1 replica per stream"
                : replicas + " replicas per stream (memory and disk count each copy)");
    Table table = Table.of("RESOURCE", "USED", "LIMIT", "USE");
    for (String resource : RESOURCES) {
      JsonNode quota = usage.path(resource);
      if (quota.isMissingNode()) {
        continue;
      }
      long used = quota.path("used").asLong();
      long limit = quota.path("limit").asLong();
      boolean bytes = IN_BYTES.contains(resource);
      table.row(
          resource,
          bytes ? Units.bytes(used) : used,
          bytes ? Units.bytes(limit) : limit,
          Units.percent(used, limit));
    }
    table.print(out());
  }
}
