package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.keys.OwnerOnly;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.PlatformFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the data directory gives away to someone who reads it: every file is its owner's only (0600,
 * directories 0700; the database was 0644), webhook secrets and Discord tokens are sealed under the
 * master key like the seeds (they were in clear), and what a delete frees is overwritten (a deleted
 * rule's secret stayed readable in the file).
 */
class DataAtRestTest {
  private static final String TOKEN = "SECRET-discord_token_value";
  private static final String RULES = "/api/v1/accounts/rest/notifications";

  @TempDir Path dataDir;

  @Test
  void theDataDirectoryIsTheOwnersSecretsAreSealedAndDeletedOnesGone() throws Exception {
    try (PlatformFixture fixture =
        PlatformFixture.start(dataDir, ApiConfig.defaults(), PlatformFixture.NOTIFY)) {
      fixture.account("rest", "free");
      Api api = fixture.operator;
      Api.Response discord =
          api.post(
              RULES,
              "{\"kind\":\"discord\",\"url\":\"http://127.0.0.1:9/api/webhooks/1/" + TOKEN + "\"}");
      assertThat(discord.status()).isEqualTo(201);
      Api.Response webhook =
          api.post(RULES, "{\"kind\":\"webhook\",\"url\":\"http://127.0.0.1:9/hook\"}");
      String secret = webhook.json().path("secret").asText();
      String webhookId = webhook.json().path("notification").path("id").asText();
      assertThat(secret).startsWith("whsec_");
      fixture.platform.writeConnectionInfo();

      // Every file, also those the broker wrote for the account made after the start.
      assertThat(exposed(dataDir)).isEmpty();

      Path db = dataDir.resolve("gamingapi.db");
      checkpoint(db);
      assertThat(contents(db)).doesNotContain(TOKEN).doesNotContain(secret);
      String sealed = storedSecret(db, webhookId);
      assertThat(sealed).startsWith("sealed:v1:");

      assertThat(api.delete(RULES + "/" + webhookId).status()).isEqualTo(204);
      checkpoint(db);
      assertThat(contents(db)).as("the deleted rule's sealed secret").doesNotContain(sealed);
    }
  }

  /** Paths under {@code dir} that group or others may use. */
  private static List<String> exposed(Path dir) throws IOException {
    List<String> exposed = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.toList()) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
          continue; // gone meanwhile
        }
        var permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (!(directory ? OwnerOnly.DIRECTORY : OwnerOnly.FILE).containsAll(permissions)) {
          exposed.add(dir.relativize(path) + " " + PosixFilePermissions.toString(permissions));
        }
      }
    }
    return exposed;
  }

  /** Moves the write-ahead log into the database file, as a reader of the file would find it. */
  private static void checkpoint(Path db) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  private static String storedSecret(Path db, String id) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement query =
            connection.prepareStatement("SELECT secret FROM notification_rules WHERE id = ?")) {
      query.setString(1, id);
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).isTrue();
        return rows.getString(1);
      }
    }
  }

  private static String contents(Path db) throws IOException {
    StringBuilder all = new StringBuilder();
    for (String suffix : List.of("", "-wal")) {
      Path file = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(file)) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }
}
