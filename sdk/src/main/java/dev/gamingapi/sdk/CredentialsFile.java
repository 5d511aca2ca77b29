package dev.gamingapi.sdk;

import dev.gamingapi.sdk.internal.Credentials;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a NATS creds file says about whom it is for, read the way {@link GameServerClient} reads it.
 * A tool that runs clients for several game servers (the agent) checks with it, before connecting,
 * that each server was given its own credential and not another's, which the broker would refuse
 * or, worse, accept under the other server's name.
 *
 * <pre>{@code
 * Optional<String> owner = CredentialsFile.read(Path.of("eu-1.creds")).serverId();
 * }</pre>
 *
 * @param path where it was read from
 * @param serverId the game server the credential belongs to (its {@code server:<id>} tag), or empty
 *     for a credential of no game server (an app user's, an admin's)
 */
public record CredentialsFile(Path path, Optional<String> serverId) {

  /**
   * Reads and checks {@code path}.
   *
   * @throws CredentialsException when the file is missing, unreadable or not a NATS user creds
   *     file; the message names the path
   */
  public static CredentialsFile read(Path path) {
    return new CredentialsFile(path, Credentials.load(path).serverId());
  }
}
