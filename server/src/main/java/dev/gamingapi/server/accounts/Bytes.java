package dev.gamingapi.server.accounts;

import java.util.Locale;

/** Byte counts for people: binary units (GiB, MiB), as the plans are defined. */
final class Bytes {
  private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private Bytes() {}

  static String format(long bytes) {
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
