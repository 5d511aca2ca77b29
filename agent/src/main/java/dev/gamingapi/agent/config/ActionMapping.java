package dev.gamingapi.agent.config;

import dev.gamingapi.contract.event.ScoreOperator;

/**
 * What a Half-Life log {@code triggered "action"} line becomes: a stat change or a custom event.
 */
public sealed interface ActionMapping {

  /**
   * A {@code player.scored} event.
   *
   * @param stat the stat name
   * @param value how much
   * @param operator how it applies
   */
  record Score(String stat, double value, ScoreOperator operator) implements ActionMapping {}

  /**
   * A {@code custom.<name>} event about the player, with the action and its properties as data.
   *
   * @param name the custom event name
   */
  record Custom(String name) implements ActionMapping {}
}
