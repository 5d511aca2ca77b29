package dev.gamingapi.server.servers;

import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.audit.AuditLog;
import dev.gamingapi.server.common.ConflictException;
import dev.gamingapi.server.common.Cursors;
import dev.gamingapi.server.common.Names;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.common.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Jdbi;

/** The game servers registered in each account. */
public final class Servers {
  private static final int MAX_NAME = 256;

  private final Clock clock;
  private final Jdbi jdbi;
  private final Jdbi reads;
  private final Accounts accounts;
  private final AuditLog audit;
  private final List<BiConsumer<String, GameServer>> listeners = new CopyOnWriteArrayList<>();

  /** Servers looked up through {@code reads}, which need not wait for the writer (SQLite). */
  public Servers(Jdbi jdbi, Jdbi reads, Accounts accounts, AuditLog audit, Clock clock) {
    this.clock = clock;
    this.jdbi = jdbi;
    this.reads = reads;
    this.accounts = accounts;
    this.audit = audit;
  }

  /**
   * Registers server {@code id} in {@code account}.
   *
   * @throws ConflictException when it is registered already
   */
  public GameServer register(String account, String id, String name, Actor actor) {
    accounts.get(account);
    Names.serverId("id", id);
    String display = name == null || name.isBlank() ? id : name;
    Names.text("name", display, MAX_NAME);
    if (find(account, id).isPresent()) {
      throw new ConflictException("server '" + id + "' is registered already in " + account);
    }
    GameServer server = new GameServer(id, display, Times.now(clock));
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO servers (account, id, name, created_at)"
                        + " VALUES (:account, :id, :name, :at)")
                .bind("account", account)
                .bind("id", id)
                .bind("name", display)
                .bind("at", server.createdAt().toEpochMilli())
                .execute());
    audit.record(actor, "server.created", account, id, Map.of("name", display));
    for (BiConsumer<String, GameServer> listener : listeners) {
      listener.accept(account, server); // e.g. the server's command consumer
    }
    return server;
  }

  /**
   * Calls {@code listener} with the account and the server after every registration from now on, on
   * the registering thread; an exception fails the registration's request, not the registration.
   */
  public void onRegister(BiConsumer<String, GameServer> listener) {
    listeners.add(listener);
  }

  /** Server {@code id} of {@code account}, registered by the platform if missing. */
  public GameServer ensure(String account, String id) {
    return find(account, id).orElseGet(() -> register(account, id, id, Actor.PLATFORM));
  }

  /**
   * @throws NotFoundException when the account or the server does not exist
   */
  public GameServer get(String account, String id) {
    accounts.get(account);
    return find(account, id).orElseThrow(() -> new NotFoundException("server", id));
  }

  /** A page of {@code account}'s servers in registration order. */
  public Page<GameServer> list(String account, PageRequest request) {
    accounts.get(account);
    return Cursors.query(
        jdbi,
        "SELECT id, name, created_at FROM servers WHERE account = :account",
        "id",
        Map.of("account", account),
        request,
        (rs, ctx) -> server(rs),
        s -> Cursors.key(s.createdAt(), s.id()));
  }

  public Optional<GameServer> find(String account, String id) {
    return reads.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id, name, created_at FROM servers WHERE account = :account AND id = :id")
                .bind("account", account)
                .bind("id", id)
                .map((rs, ctx) -> server(rs))
                .findOne());
  }

  private static GameServer server(ResultSet rs) throws SQLException {
    return new GameServer(
        rs.getString("id"), rs.getString("name"), Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
