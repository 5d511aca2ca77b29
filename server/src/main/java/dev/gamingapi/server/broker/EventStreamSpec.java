package dev.gamingapi.server.broker;

import dev.gamingapi.contract.subject.Subjects;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.List;

/**
 * The settings of a tenant's {@code EVENTS} stream.
 *
 * @param duplicateWindow how long a {@code Nats-Msg-Id} is remembered for de-duplication
 * @param maxAge how long an event is kept (from the plan)
 * @param maxBytes the stream size at which the oldest events are dropped (from the plan)
 * @param replicas 1 on a single node, 3 on a cluster
 */
public record EventStreamSpec(
    Duration duplicateWindow, Duration maxAge, long maxBytes, int replicas) {
  /** The stream's name in every tenant account. */
  public static final String NAME = Subjects.EVENT_STREAM;

  /** Server-level and player events of every game server of the account. */
  public static final List<String> SUBJECTS = List.of(Subjects.EVENT_STREAM_SUBJECTS);

  /** The configuration to create or update the stream with. */
  public StreamConfiguration toConfiguration() {
    return StreamConfiguration.builder()
        .name(NAME)
        .subjects(SUBJECTS)
        .storageType(StorageType.File)
        .retentionPolicy(RetentionPolicy.Limits)
        .discardPolicy(DiscardPolicy.Old)
        .duplicateWindow(duplicateWindow)
        .maxAge(maxAge)
        .maxBytes(maxBytes)
        .replicas(replicas)
        .build();
  }

  /** Whether {@code actual} (as the broker reports it) has every setting of this spec. */
  public boolean isSatisfiedBy(StreamConfiguration actual) {
    return actual.getSubjects().size() == SUBJECTS.size()
        && actual.getSubjects().containsAll(SUBJECTS)
        && actual.getStorageType() == StorageType.File
        && actual.getRetentionPolicy() == RetentionPolicy.Limits
        && actual.getDiscardPolicy() == DiscardPolicy.Old
        && duplicateWindow.equals(actual.getDuplicateWindow())
        && maxAge.equals(actual.getMaxAge())
        && actual.getMaxBytes() == maxBytes
        && actual.getReplicas() == replicas;
  }
}
