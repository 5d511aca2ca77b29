package dev.gamingapi.cli.streams;

import dev.gamingapi.contract.command.CommandChannel;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.StreamSnapshots;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gamingapi streams restore}: recreates a tenant's streams from {@code streams backup}; each
 * stream must not exist (delete it first, or restore into a fresh broker).
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = "Recreate a tenant's streams from a backup directory (streams must not exist).")
public final class StreamsRestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--url", required = true, paramLabel = "URL", description = "Broker URL(s).")
  String url;

  @Option(
      names = "--creds",
      required = true,
      paramLabel = "FILE",
      description = "Creds of an owner user of the tenant.")
  Path creds;

  @Option(names = "--from", required = true, paramLabel = "DIR", description = "The backup.")
  Path dir;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description = "Replicas of the restored streams (default: as backed up).")
  Integer replicas;

  @Option(
      names = "--stream",
      paramLabel = "NAME",
      description = "Streams to restore (default: EVENTS and COMMANDS).")
  List<String> streams = List.of(Subjects.EVENT_STREAM, CommandChannel.STREAM);

  @Override
  public Integer call() throws java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    Connection connection =
        BrokerConnections.connect(
            url, Nats.credentials(creds.toString()), "gamingapi-restore", false);
    try {
      for (String stream : streams) {
        StreamSnapshots.restore(connection, stream, dir, replicas);
        out.printf("%s: restored from %s%n", stream, dir);
      }
    } finally {
      BrokerConnections.closeQuietly(connection);
    }
    return 0;
  }
}
