package dev.gamingapi.agent.outlet.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Drains a program's output on a thread of its own (a full pipe would stall the program), keeping
 * its first or last bytes only: the output goes into an event, which the broker limits in size.
 */
final class OutputCapture {
  static final int HEAD_BYTES = 64 * 1024;
  static final int TAIL_BYTES = 2000;

  private final boolean keepHead;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final Thread reader;
  private boolean cut;

  private OutputCapture(InputStream in, boolean keepHead) {
    this.keepHead = keepHead;
    this.reader = Thread.ofVirtual().name("shell-outlet-output").start(() -> drain(in));
  }

  /** Keeps the first {@link #HEAD_BYTES}. */
  static OutputCapture head(InputStream in) {
    return new OutputCapture(in, true);
  }

  /** Keeps the last {@link #TAIL_BYTES}. */
  static OutputCapture tail(InputStream in) {
    return new OutputCapture(in, false);
  }

  private void drain(InputStream in) {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        synchronized (this) {
          append(buffer, n);
        }
      }
    } catch (IOException closed) {
      // the process ended and its pipe with it
    }
  }

  private void append(byte[] buffer, int n) {
    if (keepHead) {
      int room = HEAD_BYTES - kept.size();
      kept.write(buffer, 0, Math.min(room, n));
      cut |= n > room;
    } else {
      kept.write(buffer, 0, n);
      if (kept.size() > TAIL_BYTES * 2) {
        byte[] all = kept.toByteArray();
        kept.reset();
        kept.write(all, all.length - TAIL_BYTES, TAIL_BYTES);
        cut = true;
      }
    }
  }

  /**
   * What was kept, once the program's end of the pipe is closed. A process it left running in the
   * background may hold the pipe open: then what came within a second is enough.
   */
  String text() throws InterruptedException {
    reader.join(1000);
    synchronized (this) {
      byte[] bytes = kept.toByteArray();
      if (!keepHead && bytes.length > TAIL_BYTES) {
        bytes = Arrays.copyOfRange(bytes, bytes.length - TAIL_BYTES, bytes.length);
        cut = true;
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (!cut) {
        return text;
      }
      return keepHead ? text + "\n[output cut at " + HEAD_BYTES + " bytes]" : "..." + text;
    }
  }
}
