package dev.gamingapi.server.notify;

import dev.gamingapi.server.store.TestDatabase;

/** {@link NotificationDeliveryTest} with the control plane in PostgreSQL. */
class NotificationDeliveryOnPostgresTest extends NotificationDeliveryTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
