package dev.gamingapi.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeGenerator;
import picocli.CommandLine.ParseResult;

/**
 * Turns any failure into one readable line on stderr and exit code 1 (or the exception's own code
 * when it is an {@link IExitCodeGenerator}: 3 when the REST API cannot be reached); a stack trace
 * is shown only with {@code GAMINGAPI_DEBUG=1}. Usage errors keep picocli's own handling (exit code
 * 2).
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    commandLine.getErr().println("gamingapi: " + describe(e));
    if ("1".equals(System.getenv("GAMINGAPI_DEBUG"))) {
      e.printStackTrace(commandLine.getErr());
    }
    return e instanceof IExitCodeGenerator coded ? coded.getExitCode() : 1;
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = e.getCause();
      return cause != null ? describe(cause) : e.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message);
  }
}
