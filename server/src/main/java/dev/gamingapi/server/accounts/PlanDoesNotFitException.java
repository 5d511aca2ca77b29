package dev.gamingapi.server.accounts;

import dev.gamingapi.server.PlatformException;
import dev.gamingapi.server.ProblemKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan the broker has no room to reserve: says what was short, how much the plan reserves and how
 * much the broker has left, so that the operator knows what to free or add and a caller which plan
 * would fit. Answered 507 (Insufficient Storage): the request is valid and may succeed once the
 * broker has room.
 */
public final class PlanDoesNotFitException extends PlatformException {
  private final Map<String, Object> details;

  /**
   * @param shortOf {@code disk} or {@code memory}
   * @param reserves the bytes the plan would reserve
   * @param remaining the bytes the broker node with the most room has left; negative: unknown
   * @param maximum that node's configured maximum; negative: unknown
   */
  PlanDoesNotFitException(
      String plan, String shortOf, long reserves, long remaining, long maximum, Throwable cause) {
    super(
        "the broker cannot reserve plan '"
            + plan
            + "': it needs "
            + Bytes.format(reserves)
            + " of "
            + shortOf
            + " and the broker has "
            + (remaining < 0 ? "an unknown amount" : Bytes.format(remaining))
            + " left"
            + (maximum < 0 ? "" : " of " + Bytes.format(maximum))
            + "; free or add JetStream storage, or choose a smaller plan",
        cause);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("short_of", shortOf);
    facts.put("plan", plan);
    facts.put("plan_reserves_bytes", reserves);
    if (remaining >= 0) {
      facts.put("broker_remaining_bytes", remaining);
    }
    this.details = Collections.unmodifiableMap(facts);
  }

  @Override
  public ProblemKind kind() {
    return ProblemKind.INSUFFICIENT_STORAGE;
  }

  @Override
  public Map<String, Object> details() {
    return details;
  }
}
