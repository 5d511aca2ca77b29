package dev.gamingapi.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The thinnest HTTP/1.1 client that can time a GET: one kept-alive socket, the request written in
 * one go, the answer read on the calling thread and not parsed. Timed next to the SDK's client
 * ({@code java.net.http}: a selector thread and a worker hand the answer over, and the body is
 * parsed into a JSON tree), it tells the server's share of a REST figure from the client's.
 */
final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final String host;
  private final String token;

  RawHttp(String baseUrl, String token) throws IOException {
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost() + ":" + uri.getPort();
    this.token = token;
    this.socket = new Socket(uri.getHost(), uri.getPort());
    socket.setTcpNoDelay(true);
    this.out = socket.getOutputStream();
    this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
  }

  /** GETs {@code path} (under {@code /api/v1}) and answers the status; the body is read, unused. */
  int get(String path) {
    try {
      String request =
          "GET /api/v1"
              + path
              + " HTTP/1.1\r\nHost: "
              + host
              + "\r\nAuthorization: Bearer "
              + token
              + "\r\nAccept: application/json\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = line();
      long length = -1;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).strip());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      if (chunked) {
        for (long size = chunk(); size > 0; size = chunk()) {
          in.skipNBytes(size);
          line();
        }
        line();
      } else if (length > 0) {
        in.skipNBytes(length);
      }
      return Integer.parseInt(status.split(" ")[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long chunk() throws IOException {
    String size = line();
    int extension = size.indexOf(';');
    return Long.parseLong(extension < 0 ? size : size.substring(0, extension), 16);
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the connection closed mid-answer");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
