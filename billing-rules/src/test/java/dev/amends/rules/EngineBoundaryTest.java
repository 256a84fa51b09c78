package dev.amends.rules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.amends.core.arch.AmendsArchitectureRules;

/**
 * The boundaries of {@link EngineBoundaryRules} on billing-rules' production classes: the
 * definitions are data and do not reach the engine; only {@link CreditEngine}, the front door,
 * does; no public signature hands out an engine type; the JSON codec and the internal helpers
 * stay on their side. Each rule is proven able to fail by {@link EngineBoundaryRulesTest}.
 */
@AnalyzeClasses(
    packages = "dev.amends.rules",
    importOptions = {ImportOption.DoNotIncludeTests.class, AmendsArchitectureRules.ExcludeArchFixtures.class})
class EngineBoundaryTest {
  private static final String API = "dev.amends.rules";

  @ArchTest
  static final ArchRule definitionsDoNotDependOnTheEngine =
      EngineBoundaryRules.definitionsDoNotDependOnTheEngine(API, "CreditEngine");

  @ArchTest
  static final ArchRule apiSignaturesDoNotExposeTheEngine = EngineBoundaryRules.apiSignaturesDoNotExposeTheEngine(API);

  @ArchTest
  static final ArchRule jsonDependsOnTheApiOnly = EngineBoundaryRules.jsonDependsOnTheApiOnly(API);

  @ArchTest
  static final ArchRule internalHelpersDependOnNothingOfTheRules =
      EngineBoundaryRules.internalHelpersDependOnNothingOfTheRules(API);

  // No cycle beyond the front door: ArchitectureTest.rulesHaveNoPackageCycles.
}
