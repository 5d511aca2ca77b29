package dev.gamingapi.contract;

/** Placeholder. */
final class Placeholder {
  private Placeholder() {}
}
