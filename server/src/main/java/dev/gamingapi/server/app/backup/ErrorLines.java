package dev.gamingapi.server.app.backup;

/** The first line of a failure's message, or of its cause's when it has none. */
final class ErrorLines {
  private ErrorLines() {}

  static String first(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        return message.lines().findFirst().orElse(message);
      }
    }
    return e.getClass().getSimpleName();
  }
}
