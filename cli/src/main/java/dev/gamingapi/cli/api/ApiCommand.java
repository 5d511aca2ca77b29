package dev.gamingapi.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.NotPermittedException;
import dev.gamingapi.sdk.rest.RestClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that makes REST API calls: gives it the connection options ({@code --url}, {@code
 * --token}, {@code --token-file}, {@code --data-dir}, {@code --json}) and a client, and closes the
 * client afterwards. Failures propagate to the command line's error handler; a refused token is
 * named by where it came from.
 */
public abstract class ApiCommand implements Callable<Integer> {
  /** This command, for its output and usage errors. */
  @Spec protected CommandSpec spec;

  /** Where the API is and how to authenticate. */
  @Mixin protected ApiOptions api;

  @Override
  public final Integer call() throws Exception {
    try (ApiConnection connection = api.connect(spec.commandLine())) {
      try {
        run(connection.client());
      } catch (NotPermittedException e) {
        if (e.status() != 401) {
          throw e;
        }
        throw new NotPermittedException(
            e.status(),
            e.type(),
            e.detail() + " (token from " + connection.tokenSource() + ")",
            e.errors());
      }
    } finally {
      out().flush();
    }
    return 0;
  }

  /** Does the work with {@code client}; throws to fail. */
  protected abstract void run(RestClient client) throws Exception;

  /** Standard output. */
  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Whether {@code --json} was given. */
  protected boolean json() {
    return api.json();
  }

  /** Prints the API's JSON as it came, one line, for {@code --json}. */
  protected void printJson(JsonNode json) {
    out().println(json);
  }
}
