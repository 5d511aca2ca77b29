package dev.gamingapi.agent.outlet;

/**
 * How the agent hands commands on to one game server: one record per kind of outlet, checked when
 * it is made, opened with {@link Outlets#open(OutletSettings)}.
 */
public sealed interface OutletSettings
    permits RconSettings, HttpPollSettings, HttpPushSettings, ShellSettings {}
