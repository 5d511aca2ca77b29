package dev.gamingapi.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.sdk.CredentialsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A NATS creds file, checked up front so that a bad file fails at start with its path and problem
 * instead of as an endless series of refused reconnects.
 *
 * @param path where it was read from
 * @param tags the user claim's {@code nats.tags}
 * @param expiresAt the user JWT's {@code exp} in epoch seconds, or 0 when it does not expire
 */
public record Credentials(Path path, List<String> tags, long expiresAt) {
  private static final String SERVER_TAG = "server:";
  private static final String INBOX_TAG = "inbox:";

  /** Reads and checks {@code path}: a user JWT block and a user NKEY seed block. */
  public static Credentials load(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new CredentialsException(path, "does not exist");
    } catch (IOException e) {
      throw new CredentialsException(path, "cannot be read: " + e.getMessage(), e);
    }
    String jwt =
        blockAfter(text, "BEGIN NATS USER JWT")
            .orElseThrow(() -> new CredentialsException(path, "has no NATS USER JWT block"));
    String seed =
        blockAfter(text, "BEGIN USER NKEY SEED")
            .orElseThrow(() -> new CredentialsException(path, "has no USER NKEY SEED block"));
    if (!seed.startsWith("SU")) {
      throw new CredentialsException(path, "the seed block does not hold a user seed (SU...)");
    }
    JsonNode claims = claimsOf(path, jwt);
    List<String> tags = new ArrayList<>();
    claims.path("nats").path("tags").forEach(tag -> tags.add(tag.asText()));
    return new Credentials(path, List.copyOf(tags), claims.path("exp").asLong(0));
  }

  /** When the credential expires, if it does. */
  public Optional<Instant> expiry() {
    return expiresAt > 0 ? Optional.of(Instant.ofEpochSecond(expiresAt)) : Optional.empty();
  }

  /** The server id of a game-server credential: its {@code server:} tag, if it has one. */
  public Optional<String> serverId() {
    return tags.stream()
        .filter(tag -> tag.startsWith(SERVER_TAG))
        .map(tag -> tag.substring(SERVER_TAG.length()))
        .findFirst();
  }

  /**
   * The inbox prefix the credential may receive replies on, from its {@code inbox:} tag (app
   * users): a private prefix instead of {@code _INBOX}, so that one user cannot read another's
   * replies.
   */
  public Optional<String> inboxPrefix() {
    return tags.stream()
        .filter(tag -> tag.startsWith(INBOX_TAG))
        .map(tag -> tag.substring(INBOX_TAG.length()))
        .findFirst();
  }

  private static Optional<String> blockAfter(String text, String marker) {
    List<String> lines = text.lines().map(String::trim).toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return lines.stream().skip(i + 1L).filter(line -> !line.isEmpty()).findFirst();
      }
    }
    return Optional.empty();
  }

  private static JsonNode claimsOf(Path path, String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new CredentialsException(path, "the user JWT is not three dot-separated parts");
    }
    JsonNode claims;
    try {
      claims = ContractJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IllegalArgumentException | IOException e) {
      throw new CredentialsException(path, "the user JWT's claims are not base64url JSON", e);
    }
    if (claims == null || !claims.path("nats").isObject()) {
      throw new CredentialsException(path, "the user JWT has no 'nats' claim");
    }
    return claims;
  }
}
