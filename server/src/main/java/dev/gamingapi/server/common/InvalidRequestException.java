package dev.gamingapi.server.common;

import dev.gamingapi.server.ProblemKind;

/** A field of a request is missing or wrong. */
public final class InvalidRequestException extends RequestException {
  private final String field;
  private final String problem;

  /** E.g. {@code new InvalidRequestException("plan", "must be one of free, standard, pro")}. */
  public InvalidRequestException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The field's name as in the request. */
  public String field() {
    return field;
  }

  /** What is wrong with it, without the field's name. */
  public String problem() {
    return problem;
  }

  /** {@link ProblemKind#INVALID_REQUEST}. */
  @Override
  public ProblemKind kind() {
    return ProblemKind.INVALID_REQUEST;
  }
}
