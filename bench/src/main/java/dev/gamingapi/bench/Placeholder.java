package dev.gamingapi.bench;

/** Placeholder. */
final class Placeholder {
  private Placeholder() {}
}
