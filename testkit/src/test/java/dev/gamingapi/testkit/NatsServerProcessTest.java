package dev.gamingapi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

class NatsServerProcessTest {

  @Test
  void keepsItsStreamsAcrossAKillAndRestart() throws Exception {
    try (NatsServerProcess server = NatsServerProcess.startJetStream()) {
      try (Connection nc = Nats.connect(server.url())) {
        nc.jetStreamManagement()
            .addStream(StreamConfiguration.builder().name("S").subjects("s.>").build());
        nc.jetStream().publish("s.1", "hello".getBytes());
      }
      server.kill();
      assertThat(server.isRunning()).isFalse();
      server.start();
      try (Connection nc = Nats.connect(server.url())) {
        assertThat(nc.jetStreamManagement().getStreamInfo("S").getStreamState().getMsgCount())
            .isEqualTo(1);
      }
    }
  }
}
