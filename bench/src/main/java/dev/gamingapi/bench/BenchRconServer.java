package dev.gamingapi.bench;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A Source game server's RCON console for the benchmark, on loopback: authenticates with a
 * password, hands each console line to {@code onLine} as it arrives (with no delay of its own) and
 * answers as SRCDS does, including the mirrored empty packet that marks the end of an answer.
 */
final class BenchRconServer implements AutoCloseable {
  private static final int AUTH = 3;
  private static final int EXEC = 2;
  private static final int AUTH_RESPONSE = 2;
  private static final int RESPONSE_VALUE = 0;

  private final String password;
  private final Consumer<String> onLine;
  private final ServerSocket listener;

  BenchRconServer(String password, Consumer<String> onLine) throws IOException {
    this.password = password;
    this.onLine = onLine;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("bench-rcon-accept").start(this::accept);
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        client.setTcpNoDelay(true);
        Thread.ofPlatform().daemon().name("bench-rcon-client").start(() -> serve(client));
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
        if (type == AUTH) {
          authed = password.equals(body);
          write(out, id, RESPONSE_VALUE, new byte[0]);
          write(out, authed ? id : -1, AUTH_RESPONSE, new byte[0]);
        } else if (type == EXEC && authed) {
          onLine.accept(body);
          write(out, id, RESPONSE_VALUE, ("ran " + body).getBytes(StandardCharsets.UTF_8));
        } else if (type == EXEC) {
          write(out, -1, AUTH_RESPONSE, new byte[0]);
        } else {
          // SRCDS mirrors an empty RESPONSE_VALUE, then sends a second, odd packet.
          write(out, id, RESPONSE_VALUE, new byte[0]);
          write(out, id, RESPONSE_VALUE, new byte[] {0, 1, 0, 0});
        }
      }
    } catch (EOFException | SocketException gone) {
      // the agent closed its connection
    } catch (IOException e) {
      System.out.println("bench rcon: " + e);
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
  }
}
