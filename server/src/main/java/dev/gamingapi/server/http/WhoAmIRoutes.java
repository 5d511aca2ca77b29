package dev.gamingapi.server.http;

import dev.gamingapi.server.access.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/v1/whoami}: who a token is, so that a client (the portal) can show the pages it
 * may use without trying each route.
 */
final class WhoAmIRoutes {
  /**
   * The caller.
   *
   * @param kind {@code operator}, {@code owner}, {@code game_server} or {@code app}
   * @param account the user's account; null for the operator
   * @param user the user's name; null for the operator
   * @param server a game server user's server, else null
   * @param servers the servers an app may read (empty: all)
   * @param eventTypes the event types an app may read (empty: all)
   * @param maySendCommands whether it may send commands
   */
  record WhoAmI(
      String kind,
      String account,
      String user,
      String server,
      List<String> servers,
      List<String> eventTypes,
      boolean maySendCommands) {}

  void register(RoutesConfig routes) {
    routes.get("/api/v1/whoami", this::whoami);
  }

  private void whoami(Context ctx) {
    Caller caller = Requests.caller(ctx);
    if (caller.isOperator()) {
      ctx.json(new WhoAmI("operator", null, null, null, List.of(), List.of(), true));
      return;
    }
    User user = caller.user();
    boolean commands = user.maySendCommands(); // by kind for owners and servers, as the user view
    ctx.header("Cache-Control", "no-store")
        .json(
            new WhoAmI(
                user.kind().wireName(),
                caller.account(),
                user.name(),
                user.server(),
                user.servers(),
                user.eventTypes(),
                commands));
  }
}
