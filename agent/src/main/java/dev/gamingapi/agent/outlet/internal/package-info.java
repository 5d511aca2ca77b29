/** Helpers shared by the outlets; not API. */
package dev.gamingapi.agent.outlet.internal;
