package dev.gamingapi.cli.notify;

import picocli.CommandLine.Command;

/** {@code gamingapi notification pause ACCOUNT ID}: stops sending until resumed. */
@Command(
    name = "pause",
    mixinStandardHelpOptions = true,
    description = "Pause a rule (operator or owner): events are not sent to it until resumed.")
public final class NotificationPauseCommand extends PauseToggle {
  @Override
  boolean paused() {
    return true;
  }
}
