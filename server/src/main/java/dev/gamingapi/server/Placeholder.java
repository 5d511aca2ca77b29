package dev.gamingapi.server;

/** Placeholder. */
final class Placeholder {
  private Placeholder() {}
}
