package dev.gamingapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The CLI's logging (its logback.xml) keeps the libraries' start-up reports out of `up`'s output:
 * Flyway listed every migration, Javalin and Jetty their versions and settings, Hikari its pools,
 * before the summary a newcomer needs. Their warnings still show, and so does the platform.
 */
class QuietStartTest {
  @Test
  void libraryInfoIsHiddenAndTheirWarningsAndThePlatformsInfoAreNot() {
    for (String library :
        new String[] {
          "org.flywaydb.core.internal.command.DbMigrate",
          "io.javalin.Javalin",
          "org.eclipse.jetty.server.Server",
          "com.zaxxer.hikari.HikariDataSource"
        }) {
      assertThat(LoggerFactory.getLogger(library).isInfoEnabled()).as(library).isFalse();
      assertThat(LoggerFactory.getLogger(library).isWarnEnabled()).as(library).isTrue();
    }
    assertThat(LoggerFactory.getLogger("dev.gamingapi.server.app.Platform").isInfoEnabled())
        .isTrue();
  }
}
