package dev.gamingapi.server.notify;

import dev.gamingapi.server.store.TestDatabase;

/** {@link NotificationRestartTest} with the control plane in PostgreSQL. */
class NotificationRestartOnPostgresTest extends NotificationRestartTest {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
