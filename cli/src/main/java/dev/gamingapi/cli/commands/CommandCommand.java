package dev.gamingapi.cli.commands;

import picocli.CommandLine.Command;

/** {@code gamingapi command}: commands to one game server, and what became of them. */
@Command(
    name = "command",
    mixinStandardHelpOptions = true,
    description = "Send commands to a game server (queued while it is offline) and follow them.",
    subcommands = {
      CommandSendCommand.class,
      CommandShowCommand.class,
      CommandListCommand.class,
      CommandRegisterCommand.class,
      CommandTypesCommand.class
    })
public final class CommandCommand {}
