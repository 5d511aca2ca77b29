package dev.gamingapi.cli.tenancy;

import java.util.Locale;

/** Byte counts and durations in the units people read: {@code 512 MiB}, {@code 30d}. */
final class Units {
  private static final String[] BYTES = {"B", "KiB", "MiB", "GiB", "TiB"};

  private Units() {}

  static String bytes(long count) {
    double value = count;
    int unit = 0;
    while (value >= 1024 && unit < BYTES.length - 1) {
      value /= 1024;
      unit++;
    }
    // Whole numbers stay whole (plans are round), anything else gets one decimal.
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%d %s", (long) value, BYTES[unit])
        : String.format(Locale.ROOT, "%.1f %s", value, BYTES[unit]);
  }

  static String seconds(long seconds) {
    if (seconds > 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds > 0 && seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds + "s";
  }

  /** {@code used} as a percentage of {@code limit}; {@code -} when there is no positive limit. */
  static String percent(long used, long limit) {
    return limit <= 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * used / limit);
  }
}
