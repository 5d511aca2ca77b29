package dev.gamingapi.server.access;

import dev.gamingapi.server.common.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;

/** What a user may do; its NATS permissions and its API token's scope follow from it. */
public enum UserKind {
  /** Everything inside its tenant. */
  OWNER,
  /** Publish the events of one registered server and consume its commands; nothing else. */
  GAME_SERVER,
  /** Read-only, optionally limited to some servers and event types. */
  APP;

  /**
   * The name used in JSON and on the command line: {@code owner}, {@code game_server}, {@code app}.
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind named {@code wireName}.
   *
   * @throws InvalidRequestException naming the accepted values
   */
  public static UserKind fromWire(String wireName) {
    return Arrays.stream(values())
        .filter(kind -> kind.wireName().equals(wireName))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "kind", "must be one of owner, game_server, app; got '" + wireName + "'"));
  }
}
