package dev.gamingapi.cli.tenancy;

import picocli.CommandLine.Command;

/** {@code gamingapi account}: the tenants of the platform. */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = "Create, list, inspect, re-plan and delete accounts (tenants).",
    subcommands = {
      AccountCreateCommand.class,
      AccountListCommand.class,
      AccountShowCommand.class,
      AccountSetPlanCommand.class,
      AccountUsageCommand.class,
      AccountDeleteCommand.class
    })
public final class AccountCommand {}
