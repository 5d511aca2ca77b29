package dev.gamingapi.server.testing;

import dev.gamingapi.server.store.TestDatabase;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every test of the class once per database, SQLite then PostgreSQL: the class takes the
 * database's name in a {@link Parameter @Parameter} {@code String} field and opens it with {@link
 * TestDatabase#of}, which skips the PostgreSQL run (an assumption) when {@value TestDatabase#ENV}
 * is not set. Each run is named after its database ({@code AccessApiTest > PostgreSQL > ...}).
 *
 * <p>Surefire's XML reports name the runs by index ({@code AccessApiTest[1]} for SQLite, {@code
 * [2]} for PostgreSQL): it does not show the names of a parameterized class's runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"SQLite", "PostgreSQL"})
public @interface OnEachDatabase {}
