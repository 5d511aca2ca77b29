package dev.gamingapi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The compiled main classes of every module, read once for all the rules. */
final class Codebase {
  /** Every production class under {@code dev.gamingapi}; tests and fixtures are left out. */
  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.gamingapi");

  private Codebase() {}
}
