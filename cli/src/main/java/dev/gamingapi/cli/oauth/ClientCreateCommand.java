package dev.gamingapi.cli.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gamingapi oauth client-create NAME ...}: registers a third-party app (operator). */
@Command(
    name = "client-create",
    mixinStandardHelpOptions = true,
    description = "Register a third-party app (operator); a confidential app's secret shows once.",
    footer = {
      "",
      "Example:",
      "  gamingapi oauth client-create 'Stats Site' --homepage https://stats.example \\",
      "    --redirect-uri https://stats.example/callback --type confidential"
    })
public final class ClientCreateCommand extends ApiCommand {
  @Parameters(paramLabel = "NAME", description = "Shown to owners on the consent page.")
  String name;

  @Option(names = "--homepage", required = true, description = "Where owners learn about the app.")
  String homepage;

  @Option(
      names = "--redirect-uri",
      required = true,
      paramLabel = "URI",
      description = "Where codes may be sent (exact match; repeat for several).")
  List<String> redirectUris;

  @Option(
      names = "--scope",
      paramLabel = "SCOPE",
      description = "events:read (default) or commands:send; repeat for both.")
  List<String> scopes = List.of();

  @Option(
      names = "--type",
      defaultValue = "confidential",
      description = "public (no secret, PKCE only) or confidential (default).")
  String type;

  /** The body of {@code POST /oauth/clients}. */
  record NewClient(
      String name, String homepage, List<String> redirectUris, List<String> scopes, String type) {}

  @Override
  protected void run(RestClient client) {
    JsonNode created =
        client.post("/oauth/clients", new NewClient(name, homepage, redirectUris, scopes, type));
    if (json()) {
      printJson(created);
      return;
    }
    Table.fields(created.path("client"), out());
    if (!created.path("client_secret").isNull()) {
      out().printf("Secret (shown only now): %s%n", created.path("client_secret").asText());
    }
  }
}
