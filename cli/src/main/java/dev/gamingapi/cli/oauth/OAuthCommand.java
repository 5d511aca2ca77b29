package dev.gamingapi.cli.oauth;

import picocli.CommandLine.Command;

/** {@code gamingapi oauth}: third-party apps (OAuth clients) and the grants owners gave them. */
@Command(
    name = "oauth",
    mixinStandardHelpOptions = true,
    description = "Register third-party apps (operator); list and revoke what owners granted them.",
    subcommands = {
      ClientCreateCommand.class,
      ClientListCommand.class,
      ClientDeleteCommand.class,
      GrantListCommand.class,
      GrantRevokeCommand.class
    })
public final class OAuthCommand {}
