package dev.gamingapi.contract.cloudevents;

/** Header names of CloudEvents 1.0 binary mode over NATS, as GamingAPI writes them. */
public final class CloudEventHeaders {
  /** {@code 1.0}. */
  public static final String SPEC_VERSION = "ce-specversion";

  /** The event id. */
  public static final String ID = "ce-id";

  /** {@code /servers/{server}}. */
  public static final String SOURCE = "ce-source";

  /** The dotted event type. */
  public static final String TYPE = "ce-type";

  /** When it happened, UTC RFC 3339. */
  public static final String TIME = "ce-time";

  /** The player id, for a player event. */
  public static final String SUBJECT = "ce-subject";

  /** {@code application/json}. */
  public static final String CONTENT_TYPE = "content-type";

  /** JetStream's de-duplication header; carries the event id. */
  public static final String NATS_MSG_ID = "Nats-Msg-Id";

  /** The only CloudEvents version written and read. */
  public static final String SPEC_VERSION_1_0 = "1.0";

  /** The only content type written and read. */
  public static final String JSON = "application/json";

  private CloudEventHeaders() {}
}
