package dev.amends.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.amends.core.arch.AmendsArchitectureRules;

/**
 * Applies billing-core's rule catalogue ({@link AmendsArchitectureRules}, shared through
 * billing-core's test jar, where each rule is also proven able to fail) to billing-rules'
 * production classes.
 */
@AnalyzeClasses(
    packages = "dev.amends.rules",
    importOptions = {ImportOption.DoNotIncludeTests.class, AmendsArchitectureRules.ExcludeArchFixtures.class})
class ArchitectureTest {

  @ArchTest
  static final ArchRule noFloatingPoint = AmendsArchitectureRules.noFloatingPoint("dev.amends.rules");

  @ArchTest
  static final ArchRule noLegacyDateTime = AmendsArchitectureRules.noLegacyDateTime("dev.amends.rules");

  @ArchTest
  static final ArchRule noHiddenClock = AmendsArchitectureRules.noHiddenClock("dev.amends.rules");

  @ArchTest
  static final ArchRule onlyTheJsonPackageUsesJackson = JacksonBoundaryTest.ONLY_THE_JSON_PACKAGE_USES_JACKSON;

  /**
   * Free of cycles, apart from the API package's calls into the engine: while the definitions
   * still carry their evaluation, any class of dev.amends.rules may reach the engine, which reads
   * the API types back. (The next step narrows this to the front door, CreditEngine.)
   */
  @ArchTest
  static final ArchRule rulesHaveNoPackageCycles = SlicesRuleDefinition.slices()
      .matching("dev.amends.rules.(*)..")
      .should()
      .beFreeOfCycles()
      .ignoreDependency(JavaClass.Predicates.resideInAPackage("dev.amends.rules"),
          JavaClass.Predicates.resideInAPackage("dev.amends.rules.engine"))
      .as("dev.amends.rules' sub-packages are free of cycles, apart from the API's calls into the engine");
}
