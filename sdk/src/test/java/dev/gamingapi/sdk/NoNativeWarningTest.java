package dev.gamingapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.sdk.internal.ConnectionOptions;
import io.nats.client.NKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An SDK program prints nothing of its own on stderr: the credential signature jnats makes when
 * connecting loaded Bouncy Castle's native library, and Java 25 warned of a restricted method. Run
 * in a JVM of its own, without --enable-native-access, as a user's program would be.
 */
class NoNativeWarningTest {
  /** What an SDK program does before it signs: options for a connection, then the signature. */
  public static void main(String[] args) throws Exception {
    ConnectionOptions.reader("nats://127.0.0.1:4222", null, null);
    NKey user = NKey.createUser(null);
    user.sign("nonce".getBytes(StandardCharsets.UTF_8));
    System.out.println("signed");
  }

  @Test
  void signingACredentialPrintsNoRestrictedMethodWarning() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                NoNativeWarningTest.class.getName())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(out).as(err).contains("signed");
    assertThat(err).doesNotContain("restricted method").doesNotContain("WARNING");
  }
}
