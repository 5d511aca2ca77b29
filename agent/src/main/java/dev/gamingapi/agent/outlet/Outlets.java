package dev.gamingapi.agent.outlet;

import dev.gamingapi.agent.outlet.http.HttpPollOutlet;
import dev.gamingapi.agent.outlet.http.HttpPushOutlet;
import dev.gamingapi.agent.outlet.rcon.RconOutlet;
import dev.gamingapi.agent.outlet.shell.ShellOutlet;
import java.util.Objects;

/** Opens the outlet that a settings record describes. */
public final class Outlets {
  private Outlets() {}

  /**
   * Opens the outlet of {@code settings}. Only the HTTP long-poll outlet acquires something at once
   * (its port); the others reach the game server on the first command, so a game server that is
   * down at start delays its commands instead of the agent.
   *
   * @throws OutletException when the long-poll port cannot be bound
   */
  public static CommandOutlet open(OutletSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return switch (settings) {
      case RconSettings rcon -> RconOutlet.open(rcon);
      case HttpPollSettings poll -> HttpPollOutlet.open(poll);
      case HttpPushSettings push -> HttpPushOutlet.open(push);
      case ShellSettings shell -> ShellOutlet.open(shell);
    };
  }
}
