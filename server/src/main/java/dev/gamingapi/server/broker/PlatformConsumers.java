package dev.gamingapi.server.broker;

import dev.gamingapi.contract.command.CommandChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable consumers the platform keeps in every tenant's {@code EVENTS} stream, and the
 * JetStream API subjects that would delete, change or drain them: tenants' credentials are denied
 * those (an owner by accident, an app ever), and the platform repairs any it finds missing.
 */
public final class PlatformConsumers {
  /** The read models' consumer. */
  public static final String READ_MODELS = "gamingapi-readmodel";

  /** The notifications' consumer. */
  public static final String NOTIFY = "notify";

  /** The consumer of command results ({@code command.*} events). */
  public static final String COMMAND_RESULTS = "platform-commands";

  /** Every platform consumer on {@code EVENTS}. */
  public static final List<String> ON_EVENTS = List.of(READ_MODELS, NOTIFY, COMMAND_RESULTS);

  private PlatformConsumers() {}

  /**
   * What no tenant credential may send: on {@code EVENTS}, any consumer request but info naming a
   * platform consumer, and acks of its messages; on {@code COMMANDS} (whose consumers are all the
   * platform's, one per game server), creating, changing or deleting a consumer.
   */
  public static List<String> deniedToTenants() {
    String stream = EventStreamSpec.NAME;
    List<String> denied = new ArrayList<>();
    for (String name : ON_EVENTS) {
      for (String verb : List.of("CREATE", "DELETE")) {
        denied.add("$JS.API.CONSUMER." + verb + "." + stream + "." + name);
        denied.add("$JS.API.CONSUMER." + verb + "." + stream + "." + name + ".>");
      }
      denied.add("$JS.API.CONSUMER.DURABLE.CREATE." + stream + "." + name);
      denied.add("$JS.API.CONSUMER.MSG.NEXT." + stream + "." + name);
      denied.add("$JS.ACK." + stream + "." + name + ".>");
    }
    String commands = CommandChannel.STREAM;
    denied.add("$JS.API.CONSUMER.CREATE." + commands);
    denied.add("$JS.API.CONSUMER.CREATE." + commands + ".>");
    denied.add("$JS.API.CONSUMER.DURABLE.CREATE." + commands + ".*");
    denied.add("$JS.API.CONSUMER.DELETE." + commands + ".*");
    return denied;
  }
}
