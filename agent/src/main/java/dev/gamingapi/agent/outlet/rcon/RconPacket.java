package dev.gamingapi.agent.outlet.rcon;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One packet of the Source RCON protocol: a little-endian int32 size (of what follows), int32 id,
 * int32 type, the body and two NUL bytes (the body's terminator and an empty string).
 *
 * @param id the request id, echoed by the server in its answers (-1 in a refused auth answer)
 * @param type {@link #AUTH}, {@link #EXEC_COMMAND}/{@link #AUTH_RESPONSE} or {@link
 *     #RESPONSE_VALUE}
 * @param body the body, without its terminators
 */
record RconPacket(int id, int type, byte[] body) {
  static final int AUTH = 3;
  static final int EXEC_COMMAND = 2;
  static final int AUTH_RESPONSE = 2;
  static final int RESPONSE_VALUE = 0;

  /** Source refuses bigger packets from clients; the same bound guards reads from garbage. */
  static final int MAX_SIZE = 4096 + 10;

  /** Answers are larger: Minecraft sends bodies of up to 4096 characters, which is more bytes. */
  private static final int MAX_READ_SIZE = 64 * 1024;

  private static final int HEADER = 8; // id and type
  private static final int TERMINATORS = 2;

  static RconPacket of(int id, int type, String body) {
    return new RconPacket(id, type, body.getBytes(StandardCharsets.UTF_8));
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  void writeTo(OutputStream out) throws IOException {
    int size = HEADER + body.length + TERMINATORS;
    ByteBuffer buffer = ByteBuffer.allocate(4 + size).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(size).putInt(id).putInt(type).put(body).put((byte) 0).put((byte) 0);
    out.write(buffer.array());
    out.flush();
  }

  /**
   * Reads one packet.
   *
   * @throws java.io.EOFException when the connection ends
   * @throws IOException when the bytes are not an RCON packet, or on a read failure or timeout
   */
  static RconPacket readFrom(DataInputStream in) throws IOException {
    int size = Integer.reverseBytes(in.readInt());
    if (size < HEADER + TERMINATORS || size > MAX_READ_SIZE) {
      throw new IOException("the answer is not an RCON packet (size " + size + ")");
    }
    byte[] bytes = new byte[size];
    in.readFully(bytes);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int id = buffer.getInt();
    int type = buffer.getInt();
    // Strip the terminators when present; some servers send a body with NULs of its own.
    int end = size;
    for (int i = 0; i < TERMINATORS && end > HEADER && bytes[end - 1] == 0; i++) {
      end--;
    }
    byte[] body = new byte[end - HEADER];
    System.arraycopy(bytes, HEADER, body, 0, body.length);
    return new RconPacket(id, type, body);
  }
}
