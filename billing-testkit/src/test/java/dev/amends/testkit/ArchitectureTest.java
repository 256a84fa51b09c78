package dev.amends.testkit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.amends.core.arch.AmendsArchitectureRules;

/** billing-core's rule catalogue, applied to the testkit's production classes. */
@AnalyzeClasses(
    packages = "dev.amends.testkit",
    importOptions = {ImportOption.DoNotIncludeTests.class, AmendsArchitectureRules.ExcludeArchFixtures.class})
class ArchitectureTest {

  @ArchTest
  static final ArchRule noFloatingPoint = AmendsArchitectureRules.noFloatingPoint("dev.amends.testkit");

  @ArchTest
  static final ArchRule noLegacyDateTime = AmendsArchitectureRules.noLegacyDateTime("dev.amends.testkit");

  @ArchTest
  static final ArchRule noHiddenClock = AmendsArchitectureRules.noHiddenClock("dev.amends.testkit");
}
