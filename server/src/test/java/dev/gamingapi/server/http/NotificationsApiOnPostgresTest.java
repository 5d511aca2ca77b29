package dev.gamingapi.server.http;

import dev.gamingapi.server.store.TestDatabase;

/** {@link NotificationsApiTest} with the control plane in PostgreSQL. */
class NotificationsApiOnPostgresTest extends NotificationsApiTest {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
