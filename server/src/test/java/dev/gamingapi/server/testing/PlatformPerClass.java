package dev.gamingapi.server.testing;

import dev.gamingapi.server.store.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * One platform shared by the tests of a class (starting one takes seconds). It keeps its control
 * plane in SQLite; a subclass overriding {@link #database()} runs the same tests on another
 * database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PlatformPerClass {
  protected PlatformFixture fixture;
  private TestDatabase database;
  private TestAbortedException skipped;

  /** The control plane's database; called once per class. */
  protected TestDatabase database() {
    return TestDatabase.sqlite();
  }

  // A parameter rather than a field: JUnit fills @TempDir fields only before each test, too late
  // for @BeforeAll even with one instance per class; this directory lasts for the whole class.
  @BeforeAll
  void startPlatform(@TempDir Path dataDir) throws Exception {
    try {
      database = database();
    } catch (TestAbortedException e) {
      // Kept for each test: Surefire shows a class skipped in @BeforeAll as "0 tests run",
      // without the reason.
      skipped = e;
      return;
    }
    fixture = PlatformFixture.start(dataDir, database);
  }

  @BeforeEach
  void skipWithoutDatabase() {
    if (skipped != null) {
      throw skipped;
    }
  }

  @AfterAll
  void stopPlatform() {
    // Also runs when the database was skipped or the platform failed to start.
    try {
      if (fixture != null) {
        fixture.close();
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }
}
