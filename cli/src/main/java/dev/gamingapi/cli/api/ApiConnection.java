package dev.gamingapi.cli.api;

import dev.gamingapi.sdk.rest.RestClient;

/**
 * The REST client of a command, and where its token came from: the CLI takes tokens from several
 * places, so a refused one is named.
 *
 * @param client the client, for the resolved URL and token
 * @param tokenSource where the token came from, e.g. {@code --token} or {@code GAMINGAPI_TOKEN}
 */
public record ApiConnection(RestClient client, String tokenSource) implements AutoCloseable {
  /** The base URL requests go to. */
  public String baseUrl() {
    return client.baseUrl();
  }

  @Override
  public void close() {
    client.close();
  }
}
