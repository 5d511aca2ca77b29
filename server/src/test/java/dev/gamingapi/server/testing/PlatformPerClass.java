package dev.gamingapi.server.testing;

import dev.gamingapi.server.store.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * One platform shared by the tests of a class (starting one takes seconds), with its control plane
 * in SQLite; a subclass annotated {@link OnEachDatabase} runs the same tests once per database, on
 * a platform of its own for each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PlatformPerClass {
  /** The database's name: set for each run by {@link OnEachDatabase}, else SQLite. */
  @Parameter protected String databaseKind = "SQLite";

  protected PlatformFixture fixture;
  private Path dataDirs;
  private String startedOn;
  private TestDatabase database;
  private Exception notStarted;

  // A parameter rather than a field: JUnit fills @TempDir fields only before each test, too late
  // for @BeforeAll even with one instance per class; this directory lasts for the whole class.
  @BeforeAll
  void keepDataDirs(@TempDir Path dataDirs) {
    this.dataDirs = dataDirs;
  }

  // Started before the first test of each database rather than in @BeforeAll: the runs of a
  // parameterized class share this instance and its one @BeforeAll, and a plain class may not
  // declare @BeforeParameterizedClassInvocation.
  @BeforeEach
  void platformOnThisDatabase() throws Exception {
    if (!databaseKind.equals(startedOn)) {
      stopPlatform();
      startedOn = databaseKind;
      try {
        database = TestDatabase.of(databaseKind);
        fixture = PlatformFixture.start(dataDirs.resolve(databaseKind), database);
        setUpPlatform();
      } catch (Exception e) {
        notStarted = e;
      }
    }
    // Thrown for each test, so that each is skipped (no PostgreSQL) or fails with the reason.
    if (notStarted != null) {
      throw notStarted;
    }
  }

  /** The platform's JDBC URL; null for SQLite in its data directory (see Database#open). */
  protected String databaseUrl() {
    return database.url();
  }

  /**
   * Sets up what the tests share on the platform just started (tenants, users, events): once per
   * platform, so once per database, before the first test on it. Nothing by default.
   */
  protected void setUpPlatform() throws Exception {}

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
      fixture = null;
      database = null;
      notStarted = null;
    }
  }
}
