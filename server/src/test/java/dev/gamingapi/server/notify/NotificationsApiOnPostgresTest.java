package dev.gamingapi.server.notify;

import dev.gamingapi.server.store.TestDatabase;

/** {@link NotificationsApiTest} with the control plane in PostgreSQL. */
class NotificationsApiOnPostgresTest extends NotificationsApiTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
