package dev.gamingapi.cli;

/** Placeholder. */
final class Placeholder {
  private Placeholder() {}
}
