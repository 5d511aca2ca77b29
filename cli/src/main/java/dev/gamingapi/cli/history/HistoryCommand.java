package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gamingapi history}: server status, player profiles and leaderboards (docs/history.md). */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Server status, player profiles, leaderboards and their upkeep.",
    subcommands = {
      HistoryCommand.Status.class,
      HistoryCommand.Player.class,
      HistoryCommand.Players.class,
      HistoryCommand.State.class,
      HistoryCommand.DeadLetters.class,
      HistoryCommand.Rebuild.class,
      HistoryCommand.Forget.class,
      LeaderboardCommand.class
    })
public final class HistoryCommand {
  private HistoryCommand() {}

  /** {@code history status ACCOUNT SERVER}. */
  @Command(name = "status", mixinStandardHelpOptions = true, description = "A server's status.")
  static final class Status extends ShowCommand {
    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String account;

    @Parameters(index = "1", paramLabel = "SERVER")
    String server;

    @Override
    JsonNode request(RestClient client) {
      return client.get(RestClient.path("accounts", account, "servers", server, "status"));
    }
  }

  /** {@code history player ACCOUNT PLAYER}. */
  @Command(name = "player", mixinStandardHelpOptions = true, description = "A player's profile.")
  static final class Player extends ShowCommand {
    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String account;

    @Parameters(index = "1", paramLabel = "PLAYER")
    String player;

    @Override
    JsonNode request(RestClient client) {
      return client.get(RestClient.path("accounts", account, "players", player));
    }
  }

  /** {@code history players ACCOUNT --name NAME}. */
  @Command(
      name = "players",
      mixinStandardHelpOptions = true,
      description = "Players who connected with a name starting with NAME.")
  static final class Players extends ShowCommand {
    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String account;

    @Option(names = "--name", required = true, description = "Start of a name.")
    String name;

    @Override
    JsonNode request(RestClient client) {
      return client.get(
          RestClient.path("accounts", account, "players")
              + "?limit=200&name="
              + RestClient.query(name));
    }

    @Override
    protected void run(RestClient client) {
      table(request(client), "player", "name", "last_seen");
    }
  }

  /** {@code history state ACCOUNT}. */
  @Command(
      name = "state",
      mixinStandardHelpOptions = true,
      description = "Position, events applied, lag and dead letters of the read models.")
  static final class State extends ShowCommand {
    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String account;

    @Override
    JsonNode request(RestClient client) {
      return client.get(RestClient.path("accounts", account, "read-models"));
    }
  }

  /** {@code history dead-letters ACCOUNT}. */
  @Command(
      name = "dead-letters",
      mixinStandardHelpOptions = true,
      description = "Events that could not be applied, oldest first (200 at most).")
  static final class DeadLetters extends ShowCommand {
    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String account;

    @Override
    JsonNode request(RestClient client) {
      return client.get(RestClient.path("accounts", account, "dead-letters") + "?limit=200");
    }

    @Override
    protected void run(RestClient client) {
      table(request(client), "id", "stream_seq", "subject", "reason");
    }
  }

  /** {@code history rebuild ACCOUNT}. */
  @Command(
      name = "rebuild",
      mixinStandardHelpOptions = true,
      description = "Rebuild the account's models from its event log.")
  static final class Rebuild extends ShowCommand {
    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String account;

    @Override
    JsonNode request(RestClient client) {
      return client.post(RestClient.path("accounts", account, "read-models", "rebuild"), null);
    }
  }

  /** {@code history forget ACCOUNT PLAYER}. */
  @Command(
      name = "forget",
      mixinStandardHelpOptions = true,
      description = "Erase a player's events from the log and the player from every model.")
  static final class Forget extends ShowCommand {
    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String account;

    @Parameters(index = "1", paramLabel = "PLAYER")
    String player;

    @Option(
        names = "--confirm",
        paramLabel = "PLAYER",
        required = true,
        description = "The player id again: the erasure cannot be undone.")
    String confirm;

    @Override
    JsonNode request(RestClient client) {
      if (!player.equals(confirm)) {
        throw new IllegalArgumentException(
            "--confirm must repeat the player id ("
                + player
                + "): forgetting erases their events for good");
      }
      return client.delete(RestClient.path("accounts", account, "players", player));
    }
  }
}
