package dev.gamingapi.cli.notify;

import picocli.CommandLine.Command;

/** {@code gamingapi notification resume ACCOUNT ID}: sends again, forgetting the failures. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Resume a paused rule (operator or owner); its failing streak is forgotten.")
public final class NotificationResumeCommand extends PauseToggle {
  @Override
  boolean paused() {
    return false;
  }
}
