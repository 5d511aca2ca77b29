package dev.gamingapi.sdk;

import java.nio.file.Path;

/**
 * A game server in a child JVM, for the crash test: publishes {@code count} events (the broker may
 * be down), prints each id, prints {@code DONE}, then waits to be killed.
 */
public final class JournalingGameServer {
  private JournalingGameServer() {}

  /** Arguments: broker URL, journal directory, server id, event count. */
  public static void main(String[] args) throws InterruptedException {
    GameServerClient client =
        GameServerClient.builder()
            .url(args[0])
            .journalDir(Path.of(args[1]))
            .serverId(args[2])
            .build();
    int count = Integer.parseInt(args[3]);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(client.publish(BrokerCrashTest.chat(i))).append('\n');
    }
    System.out.print(out);
    System.out.println("DONE");
    System.out.flush();
    Thread.currentThread().join(); // never closes the client: the test kills this JVM
  }
}
