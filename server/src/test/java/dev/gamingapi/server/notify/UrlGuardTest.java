package dev.gamingapi.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.server.common.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {
  private final UrlGuard strict = new UrlGuard(false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://10.1.2.3/hook",
        "https://172.16.0.1/hook",
        "https://192.168.1.10/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://[fd00::1]/hook",
        "https://[fe80::1]/hook",
        "https://0.0.0.0/hook",
        "https://100.64.0.1/hook"
      })
  void privateLoopbackAndLinkLocalAddressesAreRefusedByDefault(String url) {
    assertThatThrownBy(() -> strict.check("url", url))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("loopback, private or link-local")
        .hasMessageContaining("GAMINGAPI_NOTIFY_ALLOW_PRIVATE");
  }

  @Test
  void plainHttpIsRefusedByDefaultAndAllowedWithPrivateAddresses() {
    assertThatThrownBy(() -> strict.check("url", "http://93.184.216.34/hook"))
        .hasMessageContaining("must be an https:// URL")
        .hasMessageContaining("GAMINGAPI_NOTIFY_ALLOW_PRIVATE=true");
    assertThat(new UrlGuard(true).check("url", "http://127.0.0.1:9/hook").getPort()).isEqualTo(9);
  }

  @Test
  void aPublicAddressPasses() {
    assertThat(strict.check("url", "https://93.184.216.34/hook").getHost())
        .isEqualTo("93.184.216.34");
  }

  @Test
  void redactionHidesTheDiscordTokenAndQueryStrings() {
    assertThat(UrlGuard.redact("https://discord.com/api/webhooks/1/tok-EN", Rule.DISCORD))
        .isEqualTo("https://discord.com/api/webhooks/1/****");
    assertThat(UrlGuard.redact("https://h.example:8443/in?key=s3cret", Rule.WEBHOOK))
        .isEqualTo("https://h.example:8443/in?****");
  }
}
