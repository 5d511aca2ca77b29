package dev.gamingapi.agent.source;

import dev.gamingapi.agent.config.InputConfig;
import dev.gamingapi.agent.input.Input;
import dev.gamingapi.agent.input.LinePublisher;
import dev.gamingapi.agent.status.Counter;
import dev.gamingapi.agent.status.ServerCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a Source server's log over UDP ({@code logaddress_add host:port}), one line per packet.
 * Packets without the configured secret are refused and counted, and nothing of them published.
 *
 * <p>A game server sends its log in bursts (a round end writes dozens of lines at once) and UDP
 * drops what does not fit the socket's buffer, so the buffer is asked large; what the kernel
 * granted (Linux caps it at {@code net.core.rmem_max}) is logged and shown in the status.
 */
public final class SourceUdpInput implements Input {
  private static final Logger LOG = LoggerFactory.getLogger(SourceUdpInput.class);
  private final InputConfig.SourceUdp config;
  private final LinePublisher publisher;
  private final ServerCounters counters;
  private DatagramSocket socket;
  private Thread receiver;

  /** An input that hands the lines it receives to {@code publisher}. */
  public SourceUdpInput(
      InputConfig.SourceUdp config, LinePublisher publisher, ServerCounters counters) {
    this.config = config;
    this.publisher = publisher;
    this.counters = counters;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public synchronized void start() {
    try {
      socket = new DatagramSocket(null);
      socket.setReceiveBufferSize(config.receiveBuffer());
      socket.bind(new InetSocketAddress(config.bind(), config.port()));
      int granted = socket.getReceiveBufferSize();
      counters.note(config.name() + ".receive_buffer", Integer.toString(granted));
      if (granted < config.receiveBuffer()) {
        LOG.warn(
            "{}: asked a {} byte receive buffer, the kernel granted {} (raise net.core.rmem_max)",
            config.name(),
            config.receiveBuffer(),
            granted);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          config.name() + ": cannot listen on udp " + config.bind() + ":" + config.port(), e);
    }
    receiver = Thread.ofPlatform().name("udp-" + config.name()).daemon().start(this::receive);
  }

  private void receive() {
    byte[] buffer = new byte[65536];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    while (!socket.isClosed()) {
      try {
        packet.setLength(buffer.length);
        socket.receive(packet);
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        LOG.warn("{}: receive failed: {}", config.name(), e.toString());
        continue;
      }
      Optional<String> text = SourcePacket.text(buffer, packet.getLength(), config.secret());
      if (text.isEmpty()) {
        counters.increment(Counter.REFUSED_PACKETS);
        continue;
      }
      try {
        text.get().lines().forEach(line -> publisher.accept(line, null));
      } catch (RuntimeException e) { // journal full: UDP cannot wait, the line is lost
        counters.increment(Counter.PUBLISH_FAILURES);
        LOG.warn("{}: line lost: {}", config.name(), e.toString());
      }
    }
  }

  /** The bound UDP port. */
  public int port() {
    return socket.getLocalPort();
  }

  @Override
  public synchronized void close() {
    if (socket != null) {
      socket.close();
    }
    if (receiver != null) {
      try {
        receiver.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
