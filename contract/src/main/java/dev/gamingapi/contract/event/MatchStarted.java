package dev.gamingapi.contract.event;

/** Type {@code match.started}: a round or match began. */
public record MatchStarted(String matchId, String mode, String map) implements EventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public MatchStarted {
    Require.present("match_id", matchId);
  }
}
