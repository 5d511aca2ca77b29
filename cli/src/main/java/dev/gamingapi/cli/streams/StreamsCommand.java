package dev.gamingapi.cli.streams;

import picocli.CommandLine.Command;

/** {@code gamingapi streams}: back up and restore a tenant's streams with JetStream snapshots. */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    description = "Back up or restore a tenant's streams (JetStream snapshots).",
    subcommands = {StreamsBackupCommand.class, StreamsRestoreCommand.class})
public final class StreamsCommand {}
