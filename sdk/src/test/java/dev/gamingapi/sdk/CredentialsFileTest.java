package dev.gamingapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.NKey;
import io.nats.client.support.JwtUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {
  @TempDir Path dir;

  @Test
  void theServerIdIsTheServerTagOfTheCredential() throws Exception {
    Path creds = creds("eu-1.creds", "inbox:_INBOX_x", "server:eu-1");

    CredentialsFile file = CredentialsFile.read(creds);

    assertThat(file.serverId()).contains("eu-1");
    assertThat(file.path()).isEqualTo(creds);
  }

  @Test
  void aCredentialOfNoGameServerHasNoServerId() throws Exception {
    assertThat(CredentialsFile.read(creds("app.creds", "inbox:_INBOX_app")).serverId()).isEmpty();
  }

  @Test
  void aFileThatIsNoCredentialIsRefusedWithItsPath() throws Exception {
    Path notCreds = Files.writeString(dir.resolve("eu-1.creds"), "password=hunter2\n");

    assertThatThrownBy(() -> CredentialsFile.read(notCreds))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining(notCreds.toString())
        .hasMessageContaining("NATS USER JWT");
  }

  private Path creds(String name, String... tags) throws Exception {
    NKey account = NKey.createAccount(null);
    NKey user = NKey.createUser(null);
    String jwt =
        JwtUtils.issueUserJWT(
            account,
            new String(account.getPublicKey()),
            new String(user.getPublicKey()),
            "user",
            null,
            tags);
    return Files.writeString(
        dir.resolve(name),
        String.format(JwtUtils.NATS_USER_JWT_FORMAT, jwt, new String(user.getSeed())));
  }
}
