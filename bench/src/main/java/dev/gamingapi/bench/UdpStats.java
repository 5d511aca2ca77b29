package dev.gamingapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's own UDP counters ({@code /proc/net/snmp}) of this network namespace: datagrams
 * dropped because a socket's receive buffer was full ({@code RcvbufErrors}), and all datagrams
 * dropped on receipt ({@code InErrors}, which includes those). Other UDP traffic of the host counts
 * too; -1 where the file is missing (not Linux).
 *
 * @param inErrors {@code Udp: InErrors}
 * @param receiveBufferErrors {@code Udp: RcvbufErrors}
 */
record UdpStats(long inErrors, long receiveBufferErrors) {
  private static final Path SNMP = Path.of("/proc/net/snmp");

  /** The counters now. */
  static UdpStats now() {
    try {
      List<String> udp =
          Files.readAllLines(SNMP).stream().filter(l -> l.startsWith("Udp:")).toList();
      if (udp.size() < 2) {
        return new UdpStats(-1, -1);
      }
      List<String> names = List.of(udp.get(0).trim().split("\\s+"));
      String[] values = udp.get(1).trim().split("\\s+");
      return new UdpStats(value(names, values, "InErrors"), value(names, values, "RcvbufErrors"));
    } catch (IOException e) {
      return new UdpStats(-1, -1);
    }
  }

  /** What was counted since {@code before}. */
  UdpStats since(UdpStats before) {
    return new UdpStats(
        inErrors - before.inErrors, receiveBufferErrors - before.receiveBufferErrors);
  }

  private static long value(List<String> names, String[] values, String name) {
    int index = names.indexOf(name);
    return index < 0 ? -1 : Long.parseLong(values[index]);
  }
}
