package dev.gamingapi.cli.servers;

import picocli.CommandLine.Command;

/** {@code gamingapi server}: the game servers registered in an account. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Register and list an account's game servers.",
    subcommands = {ServerRegisterCommand.class, ServerListCommand.class, ServerShowCommand.class})
public final class ServerCommand {}
