package dev.gamingapi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Modules depend one way: contract at the bottom; testkit, sdk and the agent on it; the server on
 * the contract only; the CLI on what it launches. The agent ships to game-server hosts and must
 * never pull in the platform.
 */
class ModuleRulesTest {

  @Test
  void theCodebaseIsRead() {
    // A rule over no classes passes whatever it says: make sure each module was found.
    for (String module : new String[] {"contract", "testkit", "sdk", "agent", "server", "cli"}) {
      assertThat(Codebase.MAIN.stream().anyMatch(c -> c.getPackageName().startsWith(root(module))))
          .as("classes of module " + module)
          .isTrue();
    }
  }

  @Test
  void modulesHaveNoCycles() {
    slices().matching("dev.gamingapi.(*)..").should().beFreeOfCycles().check(Codebase.MAIN);
  }

  @Test
  void theContractDependsOnNoOtherModule() {
    onlyOn("contract").check(Codebase.MAIN);
  }

  @Test
  void theSdkDependsOnTheContractOnly() {
    onlyOn("sdk", "contract").check(Codebase.MAIN);
  }

  @Test
  void theTestkitDependsOnTheContractOnly() {
    onlyOn("testkit", "contract").check(Codebase.MAIN);
  }

  @Test
  void theAgentDependsOnTheSdkAndTheContractOnly() {
    onlyOn("agent", "sdk", "contract").check(Codebase.MAIN);
  }

  @Test
  void theServerDependsOnTheContractOnly() {
    onlyOn("server", "contract").check(Codebase.MAIN);
  }

  @Test
  void nothingButTheBenchDependsOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackages(root("cli") + "..", root("bench") + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root("cli") + "..")
        .check(Codebase.MAIN);
  }

  /** Classes of {@code module} depend on no module but itself and {@code allowed}. */
  private static ArchRule onlyOn(String module, String... allowed) {
    String[] others =
        java.util.stream.Stream.of("contract", "testkit", "sdk", "agent", "server", "cli", "bench")
            .filter(m -> !m.equals(module) && !java.util.List.of(allowed).contains(m))
            .map(m -> root(m) + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(root(module) + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .as("module " + module + " depends only on " + String.join(", ", allowed));
  }

  private static String root(String module) {
    return "dev.gamingapi." + module;
  }
}
