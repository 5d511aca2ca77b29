package dev.gamingapi.agent.outlet.rcon;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A game server's RCON end for tests, speaking the protocol as SRCDS or Minecraft do (with its own
 * packet code, so that a mistake in the outlet's codec cannot hide behind the same mistake here).
 * It records the console lines it receives and can be told to stall, to drop a connection or to
 * answer in small packets.
 */
public final class TestRconServer implements AutoCloseable {
  /** Whose RCON it speaks. */
  public enum Dialect {
    SOURCE,
    MINECRAFT
  }

  private final Dialect dialect;
  private final String password;
  private final ServerSocket listener;
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  volatile UnaryOperator<String> answers = line -> "ran " + line;
  volatile int sourcePacketBytes = 4096;
  volatile boolean stall;
  volatile boolean dropNextCommand;

  private TestRconServer(Dialect dialect, String password, int port) throws IOException {
    this.dialect = dialect;
    this.password = password;
    this.listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("test-rcon-accept").start(this::accept);
  }

  static TestRconServer start(Dialect dialect, String password) throws IOException {
    return new TestRconServer(dialect, password, 0);
  }

  /** An RCON end on {@code port}, as a game server started late would be. */
  public static TestRconServer start(Dialect dialect, String password, int port)
      throws IOException {
    return new TestRconServer(dialect, password, port);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** The console lines received, in order (including those stalled on or dropped). */
  public List<String> received() {
    return List.copyOf(received);
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  /** Closes every client connection, as a game server restart would. */
  void dropConnections() throws IOException {
    for (Socket client : clients) {
      client.close();
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        connections.incrementAndGet();
        clients.add(client);
        Thread.ofPlatform().daemon().name("test-rcon-client").start(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      boolean authed = false;
      while (true) {
        int size = Integer.reverseBytes(in.readInt());
        byte[] bytes = new byte[size];
        in.readFully(bytes);
        ByteBuffer packet = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int id = packet.getInt();
        int type = packet.getInt();
        String body = new String(bytes, 8, size - 10, StandardCharsets.UTF_8);
        if (type == 3) {
          authed = password.equals(body);
          if (dialect == Dialect.SOURCE) {
            write(out, id, 0, new byte[0]);
          }
          write(out, authed ? id : -1, 2, new byte[0]);
        } else if (type == 2 && authed) {
          received.add(body);
          if (dropNextCommand) {
            dropNextCommand = false;
            return;
          }
          if (stall) {
            in.readAllBytes(); // a hung game server answers nothing more, probes included
            return;
          }
          answer(out, id, answers.apply(body));
        } else if (type == 2) {
          write(out, -1, 2, new byte[0]);
        } else if (dialect == Dialect.SOURCE) {
          // SRCDS mirrors an empty RESPONSE_VALUE, then sends a second, odd packet.
          write(out, id, 0, new byte[0]);
          write(out, id, 0, new byte[] {0, 1, 0, 0});
        } else {
          write(out, id, 0, ("Unknown request " + Integer.toHexString(type)).getBytes());
        }
      }
    } catch (EOFException | java.net.SocketException gone) {
      // the client left or was dropped
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      clients.remove(client);
    }
  }

  private void answer(OutputStream out, int id, String text) throws IOException {
    List<byte[]> packets = new ArrayList<>();
    if (dialect == Dialect.MINECRAFT) {
      // Minecraft cuts its answer into packets of 4096 characters.
      for (int at = 0; at < text.length() || packets.isEmpty(); at += 4096) {
        packets.add(
            text.substring(at, Math.min(text.length(), at + 4096))
                .getBytes(StandardCharsets.UTF_8));
      }
    } else {
      byte[] all = text.getBytes(StandardCharsets.UTF_8);
      for (int at = 0; at < all.length || packets.isEmpty(); at += sourcePacketBytes) {
        byte[] part = new byte[Math.min(sourcePacketBytes, all.length - at)];
        System.arraycopy(all, at, part, 0, part.length);
        packets.add(part);
      }
    }
    for (byte[] body : packets) {
      write(out, id, 0, body);
    }
  }

  private static void write(OutputStream out, int id, int type, byte[] body) throws IOException {
    ByteBuffer packet = ByteBuffer.allocate(4 + 10 + body.length).order(ByteOrder.LITTLE_ENDIAN);
    packet.putInt(10 + body.length).putInt(id).putInt(type).put(body).put((byte) 0).put((byte) 0);
    out.write(packet.array());
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    dropConnections();
  }
}
