package dev.gamingapi.cli.access;

import picocli.CommandLine.Command;

/** {@code gamingapi share}: letting another account read some of this account's servers. */
@Command(
    name = "share",
    mixinStandardHelpOptions = true,
    description = "Share servers' events with another account, list and remove shares.",
    subcommands = {ShareCreateCommand.class, ShareListCommand.class, ShareDeleteCommand.class})
public final class ShareCommand {}
