package dev.gamingapi.server.accounts;

import dev.gamingapi.server.common.Cursors;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL of the {@code accounts} and {@code revocations} tables. */
public final class AccountStore {
  private static final String COLUMNS =
      "name, plan, description, public_key, jwt, jwt_issued_at, created_at, updated_at";

  private final Jdbi jdbi;
  private final Jdbi reads;
  private final Clock clock;

  /**
   * A store that looks accounts up through {@code reads} ({@link
   * dev.gamingapi.server.store.Database#readJdbi()}): every request looks its account up, and on
   * SQLite the writer's one connection is busy with the read models' batches.
   */
  public AccountStore(Jdbi jdbi, Jdbi reads, Clock clock) {
    this.jdbi = jdbi;
    this.reads = reads;
    this.clock = clock;
  }

  void insert(AccountRow row) {
    Account account = row.account();
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO accounts ("
                        + COLUMNS
                        + ") VALUES (:name, :plan, :description, :key, :jwt, :iat, :created,"
                        + " :updated)")
                .bind("name", account.name())
                .bind("plan", account.plan())
                .bind("description", account.description())
                .bind("key", account.publicKey())
                .bind("jwt", row.jwt())
                .bind("iat", row.jwtIssuedAt())
                .bind("created", account.createdAt().toEpochMilli())
                .bind("updated", account.updatedAt().toEpochMilli())
                .execute());
  }

  Optional<AccountRow> find(String name) {
    return reads.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM accounts WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  public Optional<AccountRow> findByPublicKey(String publicKey) {
    return reads.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM accounts WHERE public_key = :key")
                .bind("key", publicKey)
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  List<AccountRow> all() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM accounts ORDER BY created_at, name")
                .map((rs, ctx) -> row(rs))
                .list());
  }

  /** A page in creation order; {@code only}, when not null, limits it to one account. */
  Page<Account> page(PageRequest request, String only) {
    return Cursors.query(
        jdbi,
        "SELECT " + COLUMNS + " FROM accounts WHERE " + (only == null ? "1 = 1" : "name = :only"),
        "name",
        only == null ? Map.of() : Map.of("only", only),
        request,
        (rs, ctx) -> row(rs).account(),
        a -> Cursors.key(a.createdAt(), a.name()));
  }

  void update(String name, String plan, String description, Instant now) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE accounts SET plan = :plan, description = :description,"
                        + " updated_at = :now WHERE name = :name")
                .bind("name", name)
                .bind("plan", plan)
                .bind("description", description)
                .bind("now", now.toEpochMilli())
                .execute());
  }

  /** Stores a new JWT only if the stored one is still {@code previousIat}: one writer wins. */
  boolean replaceJwt(String name, String jwt, long iat, long previousIat) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE accounts SET jwt = :jwt, jwt_issued_at = :iat"
                            + " WHERE name = :name AND jwt_issued_at = :previous")
                    .bind("name", name)
                    .bind("jwt", jwt)
                    .bind("iat", iat)
                    .bind("previous", previousIat)
                    .execute())
        == 1;
  }

  void delete(String name) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM accounts WHERE name = :name")
                .bind("name", name)
                .execute());
  }

  /** The user keys revoked now: for good, or suspended until a time still to come. */
  Map<String, Long> revocations(String name) {
    return jdbi.withHandle(
        handle -> {
          Map<String, Long> revoked = new TreeMap<>();
          handle
              .createQuery(
                  "SELECT nats_public_key, revoked_at FROM revocations WHERE account = :name"
                      + " AND (lifted_at IS NULL OR lifted_at > :now)")
              .bind("name", name)
              .bind("now", clock.millis())
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
              .forEach(entry -> revoked.put(entry.getKey(), entry.getValue()));
          return revoked;
        });
  }

  public static void addRevocation(Handle handle, String account, String userKey, long atSeconds) {
    handle
        .createUpdate(
            "INSERT INTO revocations (account, nats_public_key, revoked_at)"
                + " VALUES (:account, :key, :at)")
        .bind("account", account)
        .bind("key", userKey)
        .bind("at", atSeconds)
        .execute();
  }

  /**
   * Revokes {@code userKey} for good at {@code atSeconds}, also when it is revoked or suspended
   * already (a key that an OAuth app used for several grants).
   */
  public static void revokeForGood(Handle handle, String account, String userKey, long atSeconds) {
    handle
        .createUpdate(
            "INSERT INTO revocations (account, nats_public_key, revoked_at)"
                + " VALUES (:account, :key, :at) ON CONFLICT (account, nats_public_key)"
                + " DO UPDATE SET revoked_at = excluded.revoked_at, lifted_at = NULL")
        .bind("account", account)
        .bind("key", userKey)
        .bind("at", atSeconds)
        .execute();
  }

  /**
   * Revokes {@code userKey} until {@code liftedAtMillis}; false when it is revoked or suspended
   * already.
   */
  public boolean addSuspension(
      String account, String userKey, long atSeconds, long liftedAtMillis) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO revocations (account, nats_public_key, revoked_at, lifted_at)"
                            + " VALUES (:account, :key, :at, :lifted)"
                            + " ON CONFLICT (account, nats_public_key) DO NOTHING")
                    .bind("account", account)
                    .bind("key", userKey)
                    .bind("at", atSeconds)
                    .bind("lifted", liftedAtMillis)
                    .execute())
        == 1;
  }

  /** Deletes the suspensions that ended by {@code nowMillis}; answers the accounts concerned. */
  public List<String> liftSuspensions(long nowMillis) {
    return jdbi.inTransaction(
        handle -> {
          List<String> accounts =
              handle
                  .createQuery(
                      "SELECT DISTINCT account FROM revocations"
                          + " WHERE lifted_at IS NOT NULL AND lifted_at <= :now")
                  .bind("now", nowMillis)
                  .mapTo(String.class)
                  .list();
          if (!accounts.isEmpty()) {
            handle
                .createUpdate(
                    "DELETE FROM revocations WHERE lifted_at IS NOT NULL AND lifted_at <= :now")
                .bind("now", nowMillis)
                .execute();
          }
          return accounts;
        });
  }

  private static AccountRow row(ResultSet rs) throws SQLException {
    Account account =
        new Account(
            rs.getString("name"),
            rs.getString("plan"),
            rs.getString("description"),
            rs.getString("public_key"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));
    return new AccountRow(account, rs.getString("jwt"), rs.getLong("jwt_issued_at"));
  }
}
