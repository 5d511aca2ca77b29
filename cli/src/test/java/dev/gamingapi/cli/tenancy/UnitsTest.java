package dev.gamingapi.cli.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Sizes are binary everywhere (bytes / 1024^n, KiB, MiB, GiB), as in the portal and the broker's
 * limits: a plan of 1 GiB reads "1 GiB", not "1.1 GB".
 */
class UnitsTest {
  @Test
  void sizesAreInBinaryUnitsWholeWhenRound() {
    assertThat(Units.bytes(0)).isEqualTo("0 B");
    assertThat(Units.bytes(1023)).isEqualTo("1023 B");
    assertThat(Units.bytes(1024)).isEqualTo("1 KiB");
    assertThat(Units.bytes(256 * 1024)).isEqualTo("256 KiB");
    assertThat(Units.bytes(64L * 1024 * 1024)).isEqualTo("64 MiB");
    assertThat(Units.bytes(1024L * 1024 * 1024)).isEqualTo("1 GiB");
    assertThat(Units.bytes(1536L * 1024 * 1024)).isEqualTo("1.5 GiB");
    assertThat(Units.bytes(1_000_000_000L)).isEqualTo("953.7 MiB");
    assertThat(Units.bytes(20L * 1024 * 1024 * 1024 * 1024)).isEqualTo("20 TiB");
  }
}
