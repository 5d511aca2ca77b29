package dev.gamingapi.sdk;

/** Placeholder. */
final class Placeholder {
  private Placeholder() {}
}
