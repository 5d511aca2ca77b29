package dev.gamingapi.server.readmodel;

import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.BrokerException;
import dev.gamingapi.server.broker.EventStreamSpec;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import java.io.IOException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Removing data: a tenant's whole models (for a rebuild), or one player from the log and models.
 */
final class Erasure {
  private static final int NO_MESSAGE = 10037;

  private static final List<String> MODEL_TABLES =
      List.of(
          "rm_positions",
          "rm_applied_ids",
          "rm_applied_marks",
          "rm_dead_letters",
          "rm_servers",
          "rm_sessions",
          "rm_players",
          "rm_player_stats",
          "rm_player_names",
          "rm_player_servers",
          "rm_board_entries",
          "rm_board_blocks",
          "rm_ts_servers",
          "rm_ts_players");

  private static final List<String> PLAYER_TABLES =
      List.of(
          "rm_sessions",
          "rm_players",
          "rm_player_stats",
          "rm_player_names",
          "rm_player_servers",
          "rm_ts_players");

  private Erasure() {}

  /** Deletes every row of {@code account}'s models, position included. */
  static void models(Handle handle, String account) {
    for (String table : MODEL_TABLES) {
      handle
          .createUpdate("DELETE FROM " + table + " WHERE account = :account")
          .bind("account", account)
          .execute();
    }
  }

  /** Deletes {@code player} from every model of {@code account}, dead letters of theirs too. */
  static void player(Handle handle, String account, String player) {
    for (String table : PLAYER_TABLES) {
      handle
          .createUpdate("DELETE FROM " + table + " WHERE account = :account AND player = :player")
          .bind("account", account)
          .bind("player", player)
          .execute();
    }
    // A player id is one subject token of A-Z a-z 0-9 _ -: escape LIKE's _ wildcard.
    handle
        .createUpdate(
            "DELETE FROM rm_dead_letters WHERE account = :account AND subject LIKE :pattern"
                + " ESCAPE '\\'")
        .bind("account", account)
        .bind("pattern", Subjects.playerEvents("%", player.replace("_", "\\_"), "%"))
        .execute();
  }

  /**
   * Erases every message on {@code player}'s subjects from the tenant's {@code EVENTS} stream:
   * JetStream's secure delete, which overwrites each message's bytes on disk before removing it.
   *
   * @return how many messages were erased
   */
  static long playerEvents(String url, AuthHandler tenant, String player) {
    String subject = Subjects.playerEvents(Subjects.ANY, player, Subjects.REST);
    Connection connection = BrokerConnections.connect(url, tenant, "gamingapi-forget", false);
    try {
      JetStreamManagement jsm = connection.jetStreamManagement();
      long erased = 0;
      long seq = 1;
      while (true) {
        MessageInfo message;
        try {
          message = jsm.getNextMessage(EventStreamSpec.NAME, seq, subject);
        } catch (JetStreamApiException e) {
          if (e.getApiErrorCode() == NO_MESSAGE) {
            return erased;
          }
          throw e;
        }
        jsm.deleteMessage(EventStreamSpec.NAME, message.getSeq(), true);
        erased++;
        seq = message.getSeq() + 1;
      }
    } catch (IOException | JetStreamApiException e) {
      throw new BrokerException("cannot erase the player's events: " + e.getMessage(), e);
    } finally {
      BrokerConnections.closeQuietly(connection);
    }
  }
}
