package dev.gamingapi.testkit;

/** Placeholder. */
final class Placeholder {
  private Placeholder() {}
}
