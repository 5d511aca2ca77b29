package dev.gamingapi.agent.outlet;

import java.util.Set;

/**
 * How the agent hands commands on to one game server: one record per kind of outlet, checked when
 * it is made, opened with {@link Outlets#open(OutletSettings)}.
 */
public sealed interface OutletSettings
    permits RconSettings, HttpPollSettings, HttpPushSettings, ShellSettings {
  /**
   * The command names the outlet will run, known before it opens, so that a config giving one name
   * to two outlets is refused at start.
   */
  Set<String> commandNames();
}
