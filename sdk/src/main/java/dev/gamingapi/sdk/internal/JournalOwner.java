package dev.gamingapi.sdk.internal;

import dev.gamingapi.contract.cloudevents.CloudEventHeaders;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.sdk.JournalException;
import io.nats.client.impl.NatsMessage;
import java.nio.file.Path;

/**
 * Makes sure a journal holds only events of the server whose client opens it. A journal directory
 * handed to another server (a config edited, a state directory copied) would otherwise have that
 * server's client send the first server's events with its own credential. They are left where they
 * are instead, for their own server's client to send.
 */
final class JournalOwner {
  private JournalOwner() {}

  /**
   * Reads every record not yet acknowledged; this costs one pass over what the sender is about to
   * read anyway, once, at start.
   *
   * @throws JournalException naming the other server when a record is not {@code serverId}'s
   */
  static void check(Journal journal, Path dir, String serverId) {
    String everything = Subjects.everythingOf(serverId);
    String prefix = everything.substring(0, everything.length() - 1); // v1.servers.<id>.
    JournalReader reader = journal.reader(journal.ackedPosition());
    while (reader.hasNext()) {
      NatsMessage record = reader.next();
      String subject = record.getSubject();
      if (!subject.startsWith(prefix)) {
        throw new JournalException(
            "journal "
                + dir
                + " holds events of "
                + serverOf(subject)
                + " (event "
                + record.getHeaders().getFirst(CloudEventHeaders.ID)
                + "), not of server '"
                + serverId
                + "': give this server a journal of its own; those events wait there for their"
                + " own server's client");
      }
    }
  }

  private static String serverOf(String subject) {
    String[] parts = subject.split("\\.");
    return parts.length > 2 ? "server '" + parts[2] + "'" : "subject '" + subject + "'";
  }
}
