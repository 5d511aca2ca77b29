package dev.gamingapi.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gamingapi share create ACCOUNT --grantee OTHER --servers a,b}: the grantee's users then
 * see those servers' events under {@code shared.ACCOUNT.v1.servers.<id>.>}.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Share servers' events with another account (operator or owner).",
    footer = {
      "",
      "Example:",
      "  gamingapi share create acme --grantee statsco --servers eu-1,eu-2"
    })
public final class ShareCreateCommand extends ApiCommand {
  @Parameters(paramLabel = "ACCOUNT", description = "The account that shares.")
  String account;

  @Option(
      names = "--grantee",
      required = true,
      paramLabel = "OTHER",
      description = "The account that may read.")
  String grantee;

  @Option(
      names = "--servers",
      required = true,
      split = ",",
      paramLabel = "ID",
      description = "The servers to share, comma separated.")
  List<String> servers;

  /** The body of {@code POST .../shares}. */
  record NewShare(String grantee, List<String> servers) {}

  @Override
  protected void run(RestClient client) {
    JsonNode share =
        client.post(RestClient.path("accounts", account, "shares"), new NewShare(grantee, servers));
    if (json()) {
      printJson(share);
      return;
    }
    out()
        .printf(
            "Shared %s of %s with %s: its users read them under shared.%s.v1.servers.<id>.>%n",
            String.join(",", servers), account, grantee, account);
    Table.fields(share, out());
  }
}
