package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.server.broker.BrokerException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform whose broker port is taken fails at once, naming the port, instead of reporting
 * "started" on a broker that died on bind and then talking to whatever holds the port.
 */
class BusyNatsPortTest {
  @TempDir Path dataDir;

  @Test
  void aBusyBrokerPortStopsTheStartWithAMessageNamingIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Platform platform = new Platform(PlatformSettings.of(PlatformConfig.embedded(dataDir, port)));

      assertThatThrownBy(platform::start)
          .isInstanceOf(BrokerException.class)
          .hasMessageContaining("port " + port + " is already in use");
    }
  }
}
