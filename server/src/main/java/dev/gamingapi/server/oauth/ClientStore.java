package dev.gamingapi.server.oauth;

import dev.gamingapi.server.common.Cursors;
import dev.gamingapi.server.common.JsonLists;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL of the {@code oauth_clients} table. */
final class ClientStore {
  private static final String COLUMNS =
      "id, name, homepage, redirect_uris, scopes, confidential, created_at";

  private final Jdbi jdbi;

  ClientStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void insert(Client client, String secretHash) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO oauth_clients ("
                        + COLUMNS
                        + ", secret_hash) VALUES (:id, :name, :homepage, :uris, :scopes,"
                        + " :confidential, :created, :secret)")
                .bind("id", client.clientId())
                .bind("name", client.name())
                .bind("homepage", client.homepage())
                .bind("uris", JsonLists.write(client.redirectUris()))
                .bind("scopes", JsonLists.write(client.scopes()))
                .bind("confidential", client.confidential())
                .bind("created", client.createdAt().toEpochMilli())
                .bind("secret", secretHash)
                .execute());
  }

  public Optional<Client> find(String id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM oauth_clients WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> client(rs))
                .findOne());
  }

  /** The hash of the client's secret; empty for a public or unknown client. */
  public Optional<String> secretHash(String id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT secret_hash FROM oauth_clients WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne());
  }

  public Page<Client> page(PageRequest request) {
    return Cursors.query(
        jdbi,
        "SELECT " + COLUMNS + " FROM oauth_clients WHERE 1 = 1",
        "id",
        Map.of(),
        request,
        (rs, ctx) -> client(rs),
        client -> Cursors.key(client.createdAt(), client.clientId()));
  }

  public void delete(String id) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM oauth_clients WHERE id = :id")
                .bind("id", id)
                .execute());
  }

  private static Client client(ResultSet rs) throws SQLException {
    return new Client(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("homepage"),
        JsonLists.strings(rs.getString("redirect_uris")),
        JsonLists.strings(rs.getString("scopes")),
        rs.getBoolean("confidential"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
