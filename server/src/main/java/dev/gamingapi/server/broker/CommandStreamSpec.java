package dev.gamingapi.server.broker;

import dev.gamingapi.contract.command.CommandChannel;
import dev.gamingapi.contract.subject.Subjects;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.List;

/**
 * The settings of a tenant's {@code COMMANDS} stream: a work queue (a command is gone once its game
 * server acknowledges it) on every server's command subjects, de-duplicated by {@code Nats-Msg-Id}.
 * No byte limit of its own: it reserves none of the account's storage, which belongs to {@code
 * EVENTS}, and the account limit still bounds it.
 *
 * @param duplicateWindow how long a command id is remembered for de-duplication
 * @param replicas 1 on a single node, 3 on a cluster
 */
public record CommandStreamSpec(Duration duplicateWindow, int replicas) {
  /** The stream's name in every tenant account. */
  public static final String NAME = CommandChannel.STREAM;

  /** The configuration to create or update the stream with. */
  public StreamConfiguration toConfiguration() {
    return StreamConfiguration.builder()
        .name(NAME)
        .subjects(Subjects.COMMAND_STREAM_SUBJECT)
        .storageType(StorageType.File)
        .retentionPolicy(RetentionPolicy.WorkQueue)
        .discardPolicy(DiscardPolicy.New)
        .duplicateWindow(duplicateWindow)
        .replicas(replicas)
        .build();
  }

  /** Whether {@code actual} (as the broker reports it) has every setting of this spec. */
  public boolean isSatisfiedBy(StreamConfiguration actual) {
    return actual.getSubjects().equals(List.of(Subjects.COMMAND_STREAM_SUBJECT))
        && actual.getStorageType() == StorageType.File
        && actual.getRetentionPolicy() == RetentionPolicy.WorkQueue
        && actual.getDiscardPolicy() == DiscardPolicy.New
        && duplicateWindow.equals(actual.getDuplicateWindow())
        && actual.getReplicas() == replicas;
  }
}
