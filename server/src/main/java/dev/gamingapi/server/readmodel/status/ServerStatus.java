package dev.gamingapi.server.readmodel.status;

import java.time.Instant;
import java.util.List;

/**
 * A game server's status as the API answers it.
 *
 * @param state {@code offline} (no event yet), {@code online}, {@code unresponsive} (online but
 *     silent for longer than the configured time) or {@code stopped}
 * @param players who is on it now (empty unless online)
 * @param uptimeSeconds since its last {@code server.started}, while online
 */
public record ServerStatus(
    String server,
    String state,
    String game,
    String map,
    String version,
    Integer maxPlayers,
    int currentPlayers,
    List<String> players,
    Instant startedAt,
    Instant stoppedAt,
    Long uptimeSeconds,
    Instant lastEventAt,
    String lastEventType) {}
