package dev.amends.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.amends.core.arch.AmendsArchitectureRules;

/**
 * Applies {@link AmendsArchitectureRules} to billing-core's production classes. The rules, and
 * why each exists, are documented there; {@code AmendsArchitectureRulesTest} proves each can fail.
 */
@AnalyzeClasses(packages = "dev.amends.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreIsFreeOfJackson = AmendsArchitectureRules.CORE_IS_FREE_OF_JACKSON;

  @ArchTest
  static final ArchRule coreDoesNotDependOnRules = AmendsArchitectureRules.CORE_DOES_NOT_DEPEND_ON_RULES;

  @ArchTest
  static final ArchRule coreHasNoPackageCycles = AmendsArchitectureRules.CORE_HAS_NO_PACKAGE_CYCLES;

  @ArchTest
  static final ArchRule noFloatingPoint = AmendsArchitectureRules.NO_FLOATING_POINT;

  @ArchTest
  static final ArchRule noLegacyDateTime = AmendsArchitectureRules.NO_LEGACY_DATE_TIME;

  @ArchTest
  static final ArchRule noHiddenClock = AmendsArchitectureRules.NO_HIDDEN_CLOCK;
}
