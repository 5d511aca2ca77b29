package dev.gamingapi.server.http;

import dev.gamingapi.server.store.TestDatabase;

/** {@link NotificationDeliveryTest} with the control plane in PostgreSQL. */
class NotificationDeliveryOnPostgresTest extends NotificationDeliveryTest {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
