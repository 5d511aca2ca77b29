package dev.gamingapi.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** One input of a game server: where lines or events come from. */
public sealed interface InputConfig {

  /** A name unique within its server (default {@code <type>-<index>}), used in status and state. */
  String name();

  /**
   * How Half-Life log lines are mapped.
   *
   * @param customUnmapped publish each line that maps to no event as {@code custom.log_line}
   * @param excludeBots drop events about bots and the console
   * @param timezone the zone of the log's local timestamps
   * @param actions {@code triggered "action"} mappings: the defaults plus the owner's
   */
  record HlOptions(
      boolean customUnmapped,
      boolean excludeBots,
      ZoneId timezone,
      Map<String, ActionMapping> actions) {

    /** Canonical constructor: copies the map. */
    public HlOptions {
      actions = Map.copyOf(actions);
    }
  }

  /**
   * Source-engine log packets over UDP ({@code logaddress_add}).
   *
   * @param secret the expected {@code sv_logsecret}, if the server sets one
   * @param receiveBuffer the socket receive buffer asked of the kernel, in bytes
   */
  record SourceUdp(
      String name, String bind, int port, Optional<Secret> secret, int receiveBuffer, HlOptions hl)
      implements InputConfig {}

  /** CS2 log lines POSTed over HTTP ({@code logaddress_add_http "http://host:port/path"}). */
  record SourceHttp(String name, String bind, int port, String path, HlOptions hl)
      implements InputConfig {}

  /**
   * A Minecraft server's {@code logs/latest.log}, tailed.
   *
   * @param customUnmapped publish each line that maps to no event as {@code custom.log_line}
   */
  record MinecraftLog(String name, Path path, boolean customUnmapped, Duration poll)
      implements InputConfig {}

  /**
   * Any log file, tailed: Half-Life lines ({@code format: hl}) or each line as {@code
   * custom.log_line} ({@code format: lines}).
   */
  record LogFile(String name, Path path, Format format, HlOptions hl, Duration poll)
      implements InputConfig {
    /** How the lines of a tailed file are read. */
    public enum Format {
      /** Half-Life Log Standard lines. */
      HL,
      /** Each line becomes a {@code custom.log_line} event. */
      LINES
    }
  }

  /** JSON events POSTed to {@code /events} on a local port. */
  record HttpDoor(String name, String bind, int port) implements InputConfig {}

  /** A secret read from a file or the environment; never printed. */
  record Secret(String value) {
    @Override
    public String toString() {
      return "Secret[****]";
    }
  }
}
