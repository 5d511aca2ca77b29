package dev.gamingapi.cli.access;

import picocli.CommandLine.Command;

/** {@code gamingapi user}: the users of an account and their credentials. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Create, list, revoke and rotate users (owners, game servers, apps).",
    subcommands = {
      UserCreateCommand.class,
      UserListCommand.class,
      UserShowCommand.class,
      UserRevokeCommand.class,
      UserRotateCommand.class
    })
public final class UserCommand {}
