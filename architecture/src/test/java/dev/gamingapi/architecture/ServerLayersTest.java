package dev.gamingapi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

/**
 * The server's packages by capability, each allowed to use only the ones below it. Read from the
 * bottom: errors and the shared toolbox; storage, keys, the broker; leases; plans, JWTs and the
 * resolver; accounts and what hangs on them (servers, access, audit); the tenant workers (event
 * log, commands, notifications, read models); the OAuth authorization server; the HTTP edge; the
 * app that wires it all. A new import that goes up or sideways fails here and says which.
 */
class ServerLayersTest {
  private static final String S = "dev.gamingapi.server";

  @Test
  void serverPackagesHaveNoCycles() {
    // One slice per package, so that accounts and accounts.plans count apart.
    slices().matching(S + ".(**)").should().beFreeOfCycles().check(Codebase.MAIN);
  }

  @Test
  void readModelPackagesHaveNoCycles() {
    slices().matching(S + ".readmodel.(*)..").should().beFreeOfCycles().check(Codebase.MAIN);
  }

  @Test
  void eachServerPackageUsesOnlyThoseBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Errors")
        .definedBy(S)
        .layer("Common")
        .definedBy(S + ".common..")
        .layer("Store")
        .definedBy(S + ".store..")
        .layer("Keys")
        .definedBy(S + ".keys..")
        .layer("Broker")
        .definedBy(S + ".broker..")
        .layer("Lease")
        .definedBy(S + ".lease..")
        .layer("Plans")
        .definedBy(S + ".accounts.plans..")
        .layer("Jwt")
        .definedBy(S + ".jwt..")
        .layer("Resolver")
        .definedBy(S + ".resolver..")
        .layer("Audit")
        .definedBy(S + ".audit..")
        .layer("Accounts")
        .definedBy(S + ".accounts")
        .layer("Servers")
        .definedBy(S + ".servers..")
        .layer("Access")
        .definedBy(S + ".access..")
        .layer("Tenancy")
        .definedBy(S + ".tenancy..")
        .layer("Cluster")
        .definedBy(S + ".cluster..")
        .layer("EventLog")
        .definedBy(S + ".eventlog..")
        .layer("Commands")
        .definedBy(S + ".commands..")
        .layer("Notify")
        .definedBy(S + ".notify..")
        .layer("ReadModels")
        .definedBy(S + ".readmodel..")
        .layer("OAuth")
        .definedBy(S + ".oauth..")
        .layer("Http")
        .definedBy(S + ".http..")
        .layer("App")
        .definedBy(S + ".app..")
        .whereLayer("Errors")
        .mayNotAccessAnyLayer()
        .whereLayer("Common")
        .mayOnlyAccessLayers("Errors")
        .whereLayer("Store")
        .mayOnlyAccessLayers("Errors")
        .whereLayer("Keys")
        .mayOnlyAccessLayers("Errors")
        .whereLayer("Broker")
        .mayOnlyAccessLayers("Errors")
        .whereLayer("Lease")
        .mayOnlyAccessLayers("Errors", "Store")
        .whereLayer("Plans")
        .mayOnlyAccessLayers("Errors", "Common")
        .whereLayer("Jwt")
        .mayOnlyAccessLayers("Errors", "Keys", "Plans")
        .whereLayer("Resolver")
        .mayOnlyAccessLayers("Errors", "Jwt")
        .whereLayer("Audit")
        .mayOnlyAccessLayers("Errors", "Common", "Store")
        .whereLayer("Accounts")
        .mayOnlyAccessLayers(
            "Errors",
            "Common",
            "Store",
            "Keys",
            "Broker",
            "Lease",
            "Plans",
            "Jwt",
            "Resolver",
            "Audit")
        .whereLayer("Servers")
        .mayOnlyAccessLayers("Errors", "Common", "Store", "Accounts", "Audit")
        .whereLayer("Access")
        .mayOnlyAccessLayers(
            "Errors", "Common", "Store", "Keys", "Plans", "Jwt", "Audit", "Accounts", "Servers")
        .whereLayer("Tenancy")
        .mayOnlyAccessLayers(
            "Errors",
            "Common",
            "Store",
            "Keys",
            "Lease",
            "Plans",
            "Resolver",
            "Audit",
            "Accounts",
            "Servers",
            "Access")
        .whereLayer("Cluster")
        .mayOnlyAccessLayers("Errors", "Common", "Store", "Keys", "Lease", "Accounts")
        .whereLayer("EventLog")
        .mayOnlyAccessLayers("Errors", "Common", "Broker", "Accounts", "Access")
        .whereLayer("Commands")
        .mayOnlyAccessLayers(
            "Errors",
            "Common",
            "Store",
            "Broker",
            "Plans",
            "Accounts",
            "Servers",
            "Access",
            "Tenancy")
        .whereLayer("Notify")
        .mayOnlyAccessLayers("Errors", "Common", "Store", "Broker", "Accounts", "Cluster")
        .whereLayer("ReadModels")
        .mayOnlyAccessLayers(
            "Errors", "Common", "Store", "Broker", "Lease", "Audit", "Accounts", "Cluster")
        .whereLayer("OAuth")
        .mayOnlyAccessLayers(
            "Errors",
            "Common",
            "Store",
            "Keys",
            "Jwt",
            "Audit",
            "Accounts",
            "Servers",
            "Access",
            "Tenancy")
        .whereLayer("Http")
        .mayOnlyBeAccessedByLayers("App")
        .whereLayer("App")
        .mayNotBeAccessedByAnyLayer()
        .check(Codebase.MAIN);
  }

  @Test
  void readModelsAreBuiltByTheEngineFromModelsThatKnowNoEngine() {
    // The models (leaderboards, profiles, server status) are folds and queries over their own
    // tables; the engine consumes the log and calls them, never the other way round.
    noClasses()
        .that()
        .resideInAnyPackage(
            S + ".readmodel.leaderboards..",
            S + ".readmodel.profiles..",
            S + ".readmodel.status..",
            S + ".readmodel.timeseries..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(S + ".readmodel.engine..")
        .check(Codebase.MAIN);
  }
}
