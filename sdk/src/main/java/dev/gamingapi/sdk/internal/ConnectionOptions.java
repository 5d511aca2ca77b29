package dev.gamingapi.sdk.internal;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The jnats options of SDK connections, and their error reporting through SLF4J. */
public final class ConnectionOptions {
  private static final Logger LOG = LoggerFactory.getLogger("dev.gamingapi.sdk.nats");

  private ConnectionOptions() {}

  /**
   * A game server's publishing connection: its own inbox prefix (its credential may subscribe only
   * there) and no reconnect, because the sender opens a fresh connection after any failure.
   */
  public static Options gameServer(
      String url,
      Path credentials,
      String serverId,
      String inbox,
      java.util.function.Consumer<String> errors) {
    return base(url, credentials, "gamingapi-sdk " + serverId, errors)
        .inboxPrefix(inbox)
        .maxReconnects(0)
        .build();
  }

  /**
   * A reader's connection: jnats reconnects forever and ordered consumers resume by themselves.
   *
   * @param inbox the credential's private inbox prefix, or null for jnats's default
   */
  public static Options reader(String url, Path credentials, String inbox) {
    return reader(url, credentials, inbox, error -> {});
  }

  /**
   * A reader's connection whose broker errors (the text of each {@code -ERR}) also go to {@code
   * errors}: jnats reconnects forever, even with credentials the broker will never take again, so
   * the owner must watch for those and close.
   */
  public static Options reader(
      String url, Path credentials, String inbox, java.util.function.Consumer<String> errors) {
    Options.Builder builder =
        base(url, credentials, "gamingapi-sdk reader", errors)
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(250));
    if (inbox != null) {
      builder.inboxPrefix(inbox);
    }
    return builder.build();
  }

  /**
   * jnats signs the broker's nonce with Bouncy Castle, whose LTS build loads a native library on
   * first use: Java 24+ then prints "A restricted method in java.lang.System has been called" on
   * every SDK program's stderr, unless the program was started with --enable-native-access. Its
   * pure-Java code is enough for one signature per connection, so the SDK asks for it, unless the
   * program chose a variant itself.
   */
  static final String BOUNCY_CASTLE_VARIANT = "org.bouncycastle.native.cpu_variant";

  private static Options.Builder base(
      String url, Path credentials, String name, java.util.function.Consumer<String> errors) {
    if (System.getProperty(BOUNCY_CASTLE_VARIANT) == null) {
      System.setProperty(BOUNCY_CASTLE_VARIANT, "java");
    }
    Options.Builder builder =
        Options.builder()
            .server(url)
            .connectionName(name)
            .connectionTimeout(Duration.ofSeconds(2))
            .errorListener(new LoggingErrorListener(errors));
    if (credentials != null) {
      builder.authHandler(Nats.credentials(credentials.toString()));
    }
    return builder;
  }

  /** Reports jnats errors through SLF4J instead of java.util.logging on stderr. */
  private static final class LoggingErrorListener implements ErrorListener {
    private final java.util.function.Consumer<String> errors;

    LoggingErrorListener(java.util.function.Consumer<String> errors) {
      this.errors = errors;
    }

    @Override
    public void errorOccurred(Connection connection, String error) {
      LOG.warn("broker error: {}", error);
      errors.accept(error);
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception exception) {
      LOG.debug("connection problem: {}", exception.toString());
    }

    @Override
    public void slowConsumerDetected(Connection connection, Consumer consumer) {
      LOG.warn("slow consumer: events arrive faster than the handler takes them");
    }
  }
}
