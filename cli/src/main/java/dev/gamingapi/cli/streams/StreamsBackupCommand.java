package dev.gamingapi.cli.streams;

import dev.gamingapi.contract.command.CommandChannel;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.StreamSnapshots;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gamingapi streams backup}: snapshots of the streams of the account whose owner creds are
 * given, one {@code STREAM.json} and {@code STREAM.snapshot} each.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = "Snapshot a tenant's streams (EVENTS, COMMANDS) into a directory.")
public final class StreamsBackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--url", required = true, paramLabel = "URL", description = "Broker URL(s).")
  String url;

  @Option(
      names = "--creds",
      required = true,
      paramLabel = "FILE",
      description = "Creds of an owner user of the tenant.")
  Path creds;

  @Option(names = "--to", required = true, paramLabel = "DIR", description = "Where to write.")
  Path dir;

  @Option(
      names = "--stream",
      paramLabel = "NAME",
      description = "Streams to back up (default: EVENTS and COMMANDS).")
  List<String> streams = List.of(Subjects.EVENT_STREAM, CommandChannel.STREAM);

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Connection connection =
        BrokerConnections.connect(
            url, Nats.credentials(creds.toString()), "gamingapi-backup", false);
    try {
      for (String stream : streams) {
        long bytes = StreamSnapshots.backup(connection, stream, dir);
        out.printf("%s: %,d bytes -> %s%n", stream, bytes, dir.resolve(stream + ".snapshot"));
      }
    } finally {
      BrokerConnections.closeQuietly(connection);
    }
    return 0;
  }
}
