package dev.gamingapi.cli.events;

import picocli.CommandLine.Command;

/** {@code gamingapi events}: publish one event, or follow and replay the log. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "Publish an event or read the event log.",
    subcommands = {EventsPublishCommand.class, EventsTailCommand.class})
public final class EventsCommand {}
