package dev.gamingapi.agent.outlet;

import dev.gamingapi.contract.subject.Ids;
import java.time.Duration;
import java.util.Set;

/** Checks shared by the settings records. */
final class Settings {
  private Settings() {}

  static Set<String> names(Set<String> names) {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException("an outlet needs at least one command name");
    }
    names.forEach(name -> Ids.name("command name", name));
    return Set.copyOf(names);
  }

  static Duration positive(String what, Duration value, Duration fallback) {
    Duration duration = value == null ? fallback : value;
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + duration);
    }
    return duration;
  }
}
