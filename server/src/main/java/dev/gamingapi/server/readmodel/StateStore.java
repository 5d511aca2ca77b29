package dev.gamingapi.server.readmodel;

import org.jdbi.v3.core.Jdbi;

/** Where a tenant's read models stand in the database: their position and dead letters. */
final class StateStore {
  private record Position(long streamSeq, long applied) {}

  private final Jdbi jdbi;

  StateStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The state of {@code account}'s models, with the {@code lag} its consumer last saw. */
  ReadModelState state(String account, long lag) {
    return jdbi.withHandle(
        handle -> {
          Position position =
              handle
                  .createQuery(
                      "SELECT stream_seq, applied FROM rm_positions WHERE account = :account")
                  .bind("account", account)
                  .map((rs, ctx) -> new Position(rs.getLong(1), rs.getLong(2)))
                  .findOne()
                  .orElse(new Position(0, 0));
          long deadLetters =
              handle
                  .createQuery("SELECT COUNT(*) FROM rm_dead_letters WHERE account = :account")
                  .bind("account", account)
                  .mapTo(Long.class)
                  .one();
          return new ReadModelState(position.streamSeq(), position.applied(), lag, deadLetters);
        });
  }
}
