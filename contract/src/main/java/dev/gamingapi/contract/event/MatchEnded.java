package dev.gamingapi.contract.event;

/** Type {@code match.ended}: a round or match finished; {@code winner} is a team or player id. */
public record MatchEnded(String matchId, String winner, Long durationSeconds) implements EventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public MatchEnded {
    Require.present("match_id", matchId);
    Require.notNegative("duration_seconds", durationSeconds);
  }
}
