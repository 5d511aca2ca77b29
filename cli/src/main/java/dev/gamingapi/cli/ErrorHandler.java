package dev.gamingapi.cli;

import dev.gamingapi.sdk.ApiProblemException;
import dev.gamingapi.sdk.ApiUnreachableException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeGenerator;
import picocli.CommandLine.ParseResult;

/**
 * Turns any failure into one readable line on stderr and exit code 1, or 3 when the REST API cannot
 * be reached, so that scripts can tell "the platform is down" from "the platform said no" (or the
 * exception's own code when it is an {@link IExitCodeGenerator}); a stack trace is shown only with
 * {@code GAMINGAPI_DEBUG=1}. Usage errors keep picocli's own handling (exit code 2).
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  /** The exit code of a command when the REST API cannot be reached. */
  static final int UNREACHABLE = 3;

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    commandLine.getErr().println("gamingapi: " + describe(e));
    if ("1".equals(System.getenv("GAMINGAPI_DEBUG"))) {
      e.printStackTrace(commandLine.getErr());
    }
    if (e instanceof ApiUnreachableException) {
      return UNREACHABLE;
    }
    return e instanceof IExitCodeGenerator coded ? coded.getExitCode() : 1;
  }

  static String describe(Throwable e) {
    if (e instanceof ApiProblemException problem) {
      return firstLine(problem.detail()); // the detail names the problem; status and type do not
    }
    if (e instanceof ApiUnreachableException unreachable && !unreachable.timedOut()) {
      return firstLine(e.getMessage())
          + "; is it running? Start it with ./gamingapi up, or give --url";
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = e.getCause();
      return cause != null ? describe(cause) : e.getClass().getSimpleName();
    }
    return firstLine(message);
  }

  private static String firstLine(String message) {
    return message.lines().findFirst().orElse(message);
  }
}
