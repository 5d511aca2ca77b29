package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.server.app.Clients.Client;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.keys.MasterKey;
import dev.gamingapi.server.keys.WrongMasterKeyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the platform leaves on disk, and how it treats a changed configuration. */
class PlatformDataDirTest {
  @TempDir Path dataDir;

  @Test
  void noOperatorOrAccountSeedIsStoredInPlaintext() throws Exception {
    String masterKey = MasterKey.generateBase64();
    new Platform(
            PlatformSettings.of(
                PlatformConfig.embedded(dataDir, 0).toBuilder().masterKey(masterKey).build()))
        .start()
        .close();

    KeyVault vault =
        KeyVault.open(dataDir.resolve("keys.json"), MasterKey.fromBase64(masterKey, "test"));
    List<String> seeds = new ArrayList<>();
    for (String name :
        List.of(
            "operator",
            "operator.signing",
            "account.SYS",
            "account.SYS.signing",
            "account.default",
            "account.default.signing")) {
      seeds.add(new String(vault.find(name).orElseThrow().getSeed()));
    }
    assertThat(dataDir.resolve("master.key")).doesNotExist();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String seed : seeds) {
          assertThat(content).as(file.toString()).doesNotContain(seed);
        }
      }
    }
  }

  @Test
  void aWrongMasterKeyStopsTheStartWithAClearMessage() {
    new Platform(
            PlatformSettings.of(
                PlatformConfig.embedded(dataDir, 0).toBuilder()
                    .masterKey(MasterKey.generateBase64())
                    .build()))
        .start()
        .close();

    Platform wrong =
        new Platform(
            PlatformSettings.of(
                PlatformConfig.embedded(dataDir, 0).toBuilder()
                    .masterKey(MasterKey.generateBase64())
                    .build()));

    assertThatThrownBy(wrong::start)
        .isInstanceOf(WrongMasterKeyException.class)
        .hasMessageContaining("GAMINGAPI_MASTER_KEY");
  }

  @Test
  void aChangedDuplicateWindowUpdatesTheExistingStream() throws Exception {
    new Platform(PlatformSettings.of(PlatformConfig.embedded(dataDir, 0))).start().close();

    try (Platform platform =
            new Platform(
                    PlatformSettings.of(
                        PlatformConfig.embedded(dataDir, 0).toBuilder()
                            .duplicateWindow(Duration.ofMinutes(5))
                            .build()))
                .start();
        Client owner =
            Clients.connect(
                platform.connectionInfo().brokerUrl(), platform.connectionInfo().ownerCreds())) {
      assertThat(
              owner
                  .connection()
                  .jetStreamManagement()
                  .getStreamInfo("EVENTS")
                  .getConfiguration()
                  .getDuplicateWindow())
          .isEqualTo(Duration.ofMinutes(5));
    }
  }

  @Test
  void invalidSettingsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> PlatformConfig.embedded(dataDir, 70000))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("natsPort");
    assertThatThrownBy(
            () -> PlatformConfig.embedded(dataDir, 0).toBuilder().masterKey("c2hvcnQ=").build())
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("masterKey");
    assertThatThrownBy(
            () -> PlatformConfig.external(dataDir, "nats://127.0.0.1:4222", null, null, null))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("operatorSigningSeedFile");
    assertThatThrownBy(
            () ->
                PlatformConfig.fromEnvironment(
                    Environment.of(Map.of("GAMINGAPI_REPLICAS", "x")), dataDir))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("GAMINGAPI_REPLICAS");
  }
}
