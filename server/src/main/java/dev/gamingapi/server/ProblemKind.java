package dev.gamingapi.server;

/**
 * What kind of failure a {@link PlatformException} is, so that the edges (HTTP problem responses,
 * CLI exit codes) map every package's exceptions in one place without knowing each type.
 */
public enum ProblemKind {
  /** A field of the request is missing or wrong: the caller must change it. */
  INVALID_REQUEST,
  /** What the request names does not exist, or is not visible to the caller. */
  NOT_FOUND,
  /** The request clashes with what exists (a duplicate name, a change made meanwhile). */
  CONFLICT,
  /** The caller is known but may not do this. */
  FORBIDDEN,
  /**
   * The broker, its resolver or another instance cannot serve now; the same request may work later.
   */
  UNAVAILABLE,
  /**
   * The broker has no room left for what the request would reserve (a plan's storage): the operator
   * must free or add storage, or the caller choose a smaller plan.
   */
  INSUFFICIENT_STORAGE,
  /** A failure of the platform itself. */
  INTERNAL
}
