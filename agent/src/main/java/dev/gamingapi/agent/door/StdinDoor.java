package dev.gamingapi.agent.door;

import dev.gamingapi.agent.status.ServerCounters;
import dev.gamingapi.sdk.GameServerClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The door for scripts that pipe events in: JSON lines on standard input, each answered on standard
 * output with {@code {"ids":[...]}} once journaled, or with the same problem JSON as the HTTP door.
 * A bad line costs that line only.
 */
public final class StdinDoor {
  private final EventDoor door;

  /** A door publishing through {@code client}, the server's own. */
  public StdinDoor(GameServerClient client, ServerCounters counters) {
    this.door = new EventDoor(client, counters);
  }

  /**
   * Reads {@code in} to its end.
   *
   * @return how many lines were refused
   */
  public int run(InputStream in, PrintStream out) throws IOException {
    int refused = 0;
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      EventDoor.Answer answer = door.submit(line, false);
      if (answer.status() >= 400) {
        refused++;
      }
      out.println(answer.body());
      out.flush();
    }
    return refused;
  }
}
