package dev.gamingapi.cli.tenancy;

import picocli.CommandLine.Command;

/** {@code gamingapi plan}: the plans accounts can be on. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "The plans accounts can be on.",
    subcommands = PlanListCommand.class)
public final class PlanCommand {}
