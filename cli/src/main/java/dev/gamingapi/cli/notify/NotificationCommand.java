package dev.gamingapi.cli.notify;

import picocli.CommandLine.Command;

/** {@code gamingapi notification}: Discord and webhook notification rules of an account. */
@Command(
    name = "notification",
    mixinStandardHelpOptions = true,
    description = "Discord and signed webhook notifications: rules, tests and delivery logs.",
    subcommands = {
      NotificationCreateCommand.class,
      NotificationListCommand.class,
      NotificationShowCommand.class,
      NotificationPauseCommand.class,
      NotificationResumeCommand.class,
      NotificationDeleteCommand.class,
      NotificationTestCommand.class,
      NotificationDeliveriesCommand.class
    })
public final class NotificationCommand {}
