package dev.gamingapi.agent;

import dev.gamingapi.agent.config.InputConfig;
import dev.gamingapi.agent.config.InputConfig.LogFile.Format;
import dev.gamingapi.agent.door.HttpDoor;
import dev.gamingapi.agent.input.Input;
import dev.gamingapi.agent.input.LineMapper;
import dev.gamingapi.agent.input.LinePublisher;
import dev.gamingapi.agent.input.RawLines;
import dev.gamingapi.agent.minecraft.MinecraftLogMapper;
import dev.gamingapi.agent.source.HlLogMapper;
import dev.gamingapi.agent.source.SourceHttpInput;
import dev.gamingapi.agent.source.SourceUdpInput;
import dev.gamingapi.agent.tail.FileTailer;
import dev.gamingapi.agent.tail.PositionStore;
import java.nio.file.Path;

/** Makes the input a config entry describes, wired to its server's client and counters. */
final class Inputs {
  private Inputs() {}

  static Input create(ServerRuntime server, InputConfig config, Path stateDir) {
    return switch (config) {
      case InputConfig.SourceUdp udp ->
          new SourceUdpInput(
              udp,
              publisher(server, udp.name(), new HlLogMapper(udp.hl()), udp.hl().customUnmapped()),
              server.counters());
      case InputConfig.SourceHttp http ->
          new SourceHttpInput(
              http,
              publisher(
                  server, http.name(), new HlLogMapper(http.hl()), http.hl().customUnmapped()));
      case InputConfig.MinecraftLog minecraft ->
          tailer(
              server,
              stateDir,
              minecraft.name(),
              minecraft.path(),
              new MinecraftLogMapper(),
              minecraft.customUnmapped(),
              minecraft.poll());
      case InputConfig.LogFile file ->
          tailer(
              server,
              stateDir,
              file.name(),
              file.path(),
              file.format() == Format.HL ? new HlLogMapper(file.hl()) : new RawLines(file.name()),
              file.hl().customUnmapped(),
              file.poll());
      case InputConfig.HttpDoor door -> new HttpDoor(door, server.client(), server.counters());
    };
  }

  private static FileTailer tailer(
      ServerRuntime server,
      Path stateDir,
      String name,
      Path file,
      LineMapper mapper,
      boolean customUnmapped,
      java.time.Duration poll) {
    String serverId = server.config().id();
    PositionStore store =
        new PositionStore(stateDir.resolve("positions").resolve(serverId).resolve(name + ".json"));
    return new FileTailer(name, file, store, publisher(server, name, mapper, customUnmapped), poll);
  }

  private static LinePublisher publisher(
      ServerRuntime server, String name, LineMapper mapper, boolean customUnmapped) {
    return new LinePublisher(
        server.config().id(),
        name,
        mapper,
        server.client()::publish,
        server.counters(),
        customUnmapped);
  }
}
