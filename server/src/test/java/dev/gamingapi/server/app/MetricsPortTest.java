package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metrics port serves {@code /metrics} without a token, to this host only: a Prometheus beside
 * the platform needs no operator token, and nothing off the host reads the tenants' names.
 */
class MetricsPortTest {
  @TempDir Path dataDir;

  @Test
  void theMetricsPortAnswersWithoutATokenOnLoopbackOnly() throws Exception {
    PlatformSettings settings = PlatformSettings.of(PlatformConfig.embedded(dataDir, 0));
    try (Platform platform =
        new Platform(settings.withApi(settings.api().withMetricsPort(0))).start()) {
      String url = platform.connectionInfo().metricsUrl();
      assertThat(url).startsWith("http://127.0.0.1:").endsWith("/metrics");
      assertThat(platform.connectionInfo().toJson()).contains("\"metrics_url\" : \"" + url);

      try (HttpClient http = HttpClient.newHttpClient()) {
        HttpResponse<String> metrics =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("gamingapi_");
        // The REST port still wants the operator token.
        HttpResponse<String> rest =
            http.send(
                HttpRequest.newBuilder(URI.create(platform.connectionInfo().httpUrl() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).isEqualTo(401);
      }

      int port = URI.create(url).getPort();
      Optional<InetAddress> external = nonLoopbackAddress();
      if (external.isPresent()) {
        assertThatThrownBy(
                () -> {
                  try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), port), 2000);
                  }
                })
            .as("the metrics port on " + external.get())
            .isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void withoutAMetricsPortThereIsNoMetricsUrl() {
    assertThat(ApiConfig.defaults().metricsPort()).isEqualTo(ApiConfig.NO_METRICS_PORT);
    assertThatThrownBy(() -> ApiConfig.defaults().withMetricsPort(70000))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("metricsPort");
    assertThat(
            ApiConfig.fromEnvironment(Environment.of(Map.of("GAMINGAPI_METRICS_PORT", "9464")))
                .metricsPort())
        .isEqualTo(9464);
  }

  /** An IPv4 address of this host that is not loopback, if it has one. */
  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    return NetworkInterface.networkInterfaces()
        .filter(
            nic -> {
              try {
                return nic.isUp() && !nic.isLoopback();
              } catch (IOException e) {
                return false;
              }
            })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .findFirst();
  }
}
