package dev.amends.rules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
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

  @ArchTest
  static final ArchRule rulesHaveNoPackageCycles =
      EngineArchitectureRules.noCyclesBeyondTheFrontDoor("dev.amends.rules", "CreditEngine");
}
