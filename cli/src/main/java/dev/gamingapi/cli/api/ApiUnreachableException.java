package dev.gamingapi.cli.api;

import picocli.CommandLine.IExitCodeGenerator;

/**
 * The REST API did not answer at all (nothing listening, unknown host, no answer in time). It has
 * its own exit code, 3, so that scripts can tell "the platform is down" from "the platform said
 * no".
 */
public final class ApiUnreachableException extends RuntimeException implements IExitCodeGenerator {
  /** The exit code of the command when the API cannot be reached. */
  public static final int EXIT_CODE = 3;

  ApiUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int getExitCode() {
    return EXIT_CODE;
  }
}
