package dev.gamingapi.server.accounts;

import dev.gamingapi.server.common.Cursors;
import dev.gamingapi.server.common.JsonLists;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL of the {@code shares} table. */
public final class ShareStore {
  private static final String COLUMNS = "id, account, grantee, servers, created_at";
  private final Jdbi jdbi;

  public ShareStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void insert(Share share) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO shares ("
                        + COLUMNS
                        + ") VALUES (:id, :account, :grantee, :servers, :at)")
                .bind("id", share.id())
                .bind("account", share.account())
                .bind("grantee", share.grantee())
                .bind("servers", JsonLists.write(share.servers()))
                .bind("at", share.createdAt().toEpochMilli())
                .execute());
  }

  public Optional<Share> find(String account, String id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT " + COLUMNS + " FROM shares WHERE account = :account AND id = :id")
                .bind("account", account)
                .bind("id", id)
                .map((rs, ctx) -> share(rs))
                .findOne());
  }

  /** Shares granted by {@code account}. */
  public List<Share> grantedBy(String account) {
    return list("account", account);
  }

  /** Shares granted to {@code account}. */
  public List<Share> grantedTo(String account) {
    return list("grantee", account);
  }

  private List<Share> list(String column, String account) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM shares WHERE "
                        + column
                        + " = :account ORDER BY created_at, id")
                .bind("account", account)
                .map((rs, ctx) -> share(rs))
                .list());
  }

  public Page<Share> page(String account, PageRequest request) {
    return Cursors.query(
        jdbi,
        "SELECT " + COLUMNS + " FROM shares WHERE account = :account",
        "id",
        Map.of("account", account),
        request,
        (rs, ctx) -> share(rs),
        s -> Cursors.key(s.createdAt(), s.id()));
  }

  public void delete(String id) {
    jdbi.useHandle(
        handle ->
            handle.createUpdate("DELETE FROM shares WHERE id = :id").bind("id", id).execute());
  }

  private static Share share(ResultSet rs) throws SQLException {
    return new Share(
        rs.getString("id"),
        rs.getString("account"),
        rs.getString("grantee"),
        JsonLists.strings(rs.getString("servers")),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
