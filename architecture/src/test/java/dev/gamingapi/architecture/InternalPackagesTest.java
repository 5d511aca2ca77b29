package dev.gamingapi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * An {@code internal} package is the hidden half of the package above it (the SDK's journal and
 * sender, the REST client's answer mapping): only that package and its own sub-packages use it, so
 * it can change without breaking a caller.
 */
class InternalPackagesTest {

  @Test
  void internalPackagesAreUsedOnlyFromTheirParent() {
    classes()
        .that()
        .resideInAPackage("..internal..")
        .should(beUsedOnlyFromTheirParentPackage())
        .allowEmptyShould(true)
        .check(Codebase.MAIN);
  }

  private static ArchCondition<JavaClass> beUsedOnlyFromTheirParentPackage() {
    return new ArchCondition<>("be used only from the package that holds their internal package") {
      @Override
      public void check(JavaClass internal, ConditionEvents events) {
        String name = internal.getPackageName();
        String parent = name.substring(0, name.indexOf(".internal"));
        for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
          String user = dependency.getOriginClass().getPackageName();
          if (!user.equals(parent) && !user.startsWith(parent + ".")) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }
}
