package dev.gamingapi.cli.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How much of a paged list to fetch: all of it unless {@code --limit} says otherwise. */
public final class ListOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Print at most N items (default: all, following the API's pages).")
  Integer limit;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      defaultValue = "" + RestClient.MAX_PAGE,
      description = "Items asked for per request, 1 to 200 (default: 200).")
  int pageSize;

  /** Every item (or the first {@code --limit}) of the list at {@code path}. */
  public ObjectNode fetch(RestClient client, String path) {
    if (limit != null && limit < 1) {
      throw new ParameterException(
          command.commandLine(), "--limit must be 1 or more, got " + limit);
    }
    if (pageSize < 1 || pageSize > RestClient.MAX_PAGE) {
      throw new ParameterException(
          command.commandLine(), "--page-size must be 1 to 200, got " + pageSize);
    }
    return client.list(path, limit == null ? Integer.MAX_VALUE : limit, pageSize);
  }
}
