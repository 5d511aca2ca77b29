package dev.gamingapi.agent.outlet.rcon;

import dev.gamingapi.agent.outlet.OutletException;
import dev.gamingapi.agent.outlet.RconGame;
import dev.gamingapi.agent.outlet.internal.Durations;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One authenticated RCON connection. Not thread-safe: {@link RconOutlet} runs one command at a time
 * on it. Every failure closes nothing by itself; the outlet drops the connection and opens a new
 * one on the next command.
 */
final class RconConnection implements AutoCloseable {
  /** Past this, an answer is cut: it becomes an event, and the broker limits their size. */
  static final int MAX_ANSWER_BYTES = 64 * 1024;

  /** Minecraft's answer packets hold at most this many characters: a full one means more follow. */
  private static final int FULL_PACKET = 4096;

  private final String address;
  private final Duration timeout;
  private final RconGame game;
  private final Socket socket;
  private final PushbackInputStream peek;
  private final DataInputStream in;
  private final OutputStream out;
  private int nextId = 1;

  private RconConnection(String address, Duration timeout, RconGame game, Socket socket)
      throws IOException {
    this.address = address;
    this.timeout = timeout;
    this.game = game;
    this.socket = socket;
    this.peek = new PushbackInputStream(new BufferedInputStream(socket.getInputStream()));
    this.in = new DataInputStream(peek);
    this.out = socket.getOutputStream();
  }

  /**
   * Connects to {@code host:port} and authenticates with {@code password}.
   *
   * @throws OutletException when the server cannot be reached, refuses the password or is silent
   */
  static RconConnection open(
      String host, int port, String password, Duration timeout, RconGame game) {
    String address = host + ":" + port;
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setTcpNoDelay(true);
      RconConnection connection = new RconConnection(address, timeout, game, socket);
      connection.authenticate(password);
      return connection;
    } catch (SocketTimeoutException e) {
      closeQuietly(socket);
      throw new OutletException(
          "RCON timed out after "
              + Durations.describe(timeout)
              + " connecting to and authenticating at "
              + address,
          e);
    } catch (EOFException e) {
      closeQuietly(socket);
      throw new OutletException(
          "RCON connection to "
              + address
              + " was closed during authentication (wrong password, or banned after failed ones?)",
          e);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new OutletException(
          "RCON cannot connect to "
              + address
              + ": "
              + e.getMessage()
              + " (is the game server up, with RCON enabled on that port?)",
          e);
    } catch (RuntimeException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  private void authenticate(String password) throws IOException {
    int id = nextId++;
    long deadline = System.nanoTime() + timeout.toNanos();
    RconPacket.of(id, RconPacket.AUTH, password).writeTo(out);
    while (true) {
      // Source sends an empty RESPONSE_VALUE before the AUTH_RESPONSE; Minecraft does not.
      RconPacket answer = read(deadline, "authentication");
      if (answer.type() != RconPacket.AUTH_RESPONSE) {
        continue;
      }
      if (answer.id() == -1) {
        throw new OutletException(
            "RCON authentication failed at " + address + " (wrong password?)");
      }
      if (answer.id() != id) {
        throw new OutletException(
            "RCON authentication at " + address + " answered id " + answer.id() + ", not " + id);
      }
      return;
    }
  }

  /**
   * Runs one console line and returns the console's answer, reassembled from its packets.
   *
   * @throws OutletException on a timeout, a closed connection or a broken answer
   */
  String execute(String line) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String doing = "the answer to '" + line + "'";
    try {
      int id = nextId++;
      RconPacket.of(id, RconPacket.EXEC_COMMAND, line).writeTo(out);
      int probe = 0;
      if (game.splitsAnswers()) {
        probe = sendProbe();
      }
      Answer answer = new Answer();
      while (true) {
        RconPacket packet = read(deadline, doing);
        if (probe != 0 && packet.id() == probe) {
          return answer.text(); // the server answers in order: all of ours came before the echo
        }
        if (packet.id() != id || packet.type() != RconPacket.RESPONSE_VALUE) {
          continue; // what an earlier probe left behind (Source echoes it twice)
        }
        answer.add(packet.body());
        if (probe == 0) {
          if (packet.body().length < FULL_PACKET) {
            return answer.text();
          }
          probe = sendProbe(); // a full packet: more may follow, or none if it ended exactly there
        }
      }
    } catch (SocketTimeoutException e) {
      throw new OutletException(
          "RCON timed out after "
              + Durations.describe(timeout)
              + " waiting for "
              + address
              + " to answer '"
              + line
              + "'",
          e);
    } catch (EOFException e) {
      throw new OutletException(
          "RCON connection to " + address + " was closed while waiting for " + doing, e);
    } catch (IOException e) {
      throw new OutletException(
          "RCON connection to " + address + " failed while waiting for " + doing + ": " + e, e);
    }
  }

  private int sendProbe() throws IOException {
    int probe = nextId++;
    RconPacket.of(probe, RconPacket.RESPONSE_VALUE, "").writeTo(out);
    return probe;
  }

  private RconPacket read(long deadline, String doing) throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("no answer in time for " + doing);
    }
    socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
    return RconPacket.readFrom(in);
  }

  /**
   * Whether the game server still holds this connection open. A server restarted while the agent
   * was idle leaves it closed; finding that out before sending spares the command a failed
   * delivery. Peeks at most one byte and puts it back.
   */
  boolean isOpen() {
    if (socket.isClosed()) {
      return false;
    }
    try {
      socket.setSoTimeout(1);
      int next = peek.read();
      if (next < 0) {
        return false;
      }
      peek.unread(next);
      return true;
    } catch (SocketTimeoutException e) {
      return true; // nothing to read, and not closed
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing after a failure: nothing more to do
    }
  }

  /** The bodies of an answer, cut at {@link #MAX_ANSWER_BYTES}. */
  private static final class Answer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean cut;

    void add(byte[] body) {
      int room = MAX_ANSWER_BYTES - bytes.size();
      bytes.write(body, 0, Math.min(room, body.length));
      cut |= body.length > room;
    }

    String text() {
      String text = bytes.toString(StandardCharsets.UTF_8);
      return cut ? text + "\n[answer cut at " + MAX_ANSWER_BYTES + " bytes]" : text;
    }
  }
}
