package dev.gamingapi.server.readmodel.engine;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure is the database's passing trouble rather than the event's: SQLite busy or
 * locked (another writer holds the file), PostgreSQL connection loss (SQLSTATE class 08),
 * serialization failures and deadlocks (40), lack of resources (53) or an operator's intervention
 * (57). Applying again later succeeds; dead-lettering the event would lose it.
 */
final class Transience {
  // SQLite's primary result codes SQLITE_BUSY and SQLITE_LOCKED (extended codes keep them in the
  // low byte).
  private static final Set<Integer> SQLITE_CODES = Set.of(5, 6);
  private static final Set<String> POSTGRES_CLASSES = Set.of("08", "40", "53", "57");

  private Transience() {}

  /** Whether {@code failure}, or a cause of it, is a transient database error. */
  static boolean of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null
            && state.length() >= 2
            && POSTGRES_CLASSES.contains(state.substring(0, 2))) {
          return true;
        }
        if (cause.getClass().getName().startsWith("org.sqlite.")
            && SQLITE_CODES.contains(sql.getErrorCode() & 0xff)) {
          return true;
        }
      }
    }
    return false;
  }
}
