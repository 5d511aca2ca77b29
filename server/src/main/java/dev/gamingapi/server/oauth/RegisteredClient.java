package dev.gamingapi.server.oauth;

/**
 * What registering a client answers, once.
 *
 * @param client the client
 * @param clientSecret its secret (confidential clients), or null; stored only as a hash
 */
public record RegisteredClient(Client client, String clientSecret) {
  /** Keeps the secret out of logs. */
  @Override
  public String toString() {
    return "RegisteredClient[client=" + client.clientId() + ", clientSecret=****]";
  }
}
