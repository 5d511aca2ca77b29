package dev.gamingapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the embedded nats-server wrote to its log: its JetStream limits and its errors. */
final class BrokerLog {
  private BrokerLog() {}

  /** {@code Max Memory ..., Max Storage ...} as the server printed them at its last start. */
  static String jetStreamLimits(Path log) {
    String memory = "?";
    String storage = "?";
    for (String line : lines(log)) {
      if (line.contains("Max Memory:")) {
        memory = line.substring(line.indexOf("Max Memory:") + 11).strip();
      } else if (line.contains("Max Storage:")) {
        storage = line.substring(line.indexOf("Max Storage:") + 12).strip();
      }
    }
    return "JetStream max memory " + memory + ", max storage " + storage;
  }

  /** The last {@code count} error lines ({@code [ERR]}), oldest first. */
  static List<String> errors(Path log, int count) {
    List<String> errors = lines(log).stream().filter(line -> line.contains("[ERR]")).toList();
    return errors.subList(Math.max(0, errors.size() - count), errors.size());
  }

  private static List<String> lines(Path log) {
    try {
      return Files.readAllLines(log);
    } catch (IOException e) {
      return List.of();
    }
  }
}
