package dev.amends.rules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.amends.core.arch.AmendsArchitectureRules;

/**
 * The boundaries of {@link EngineArchitectureRules} on billing-rules' production classes: the
 * definitions are data and do not reach the engine; only {@link CreditEngine}, the front door,
 * does; no public signature hands out an engine type; the JSON codec and the internal helpers
 * stay on their side. Each rule is proven able to fail by {@link EngineArchitectureRulesTest}.
 */
@AnalyzeClasses(
    packages = "dev.amends.rules",
    importOptions = {ImportOption.DoNotIncludeTests.class, AmendsArchitectureRules.ExcludeArchFixtures.class})
class EngineArchitectureTest {
  private static final String API = "dev.amends.rules";

  @ArchTest
  static final ArchRule definitionsDoNotDependOnTheEngine =
      EngineArchitectureRules.definitionsDoNotDependOnTheEngine(API, "CreditEngine");

  @ArchTest
  static final ArchRule apiSignaturesDoNotExposeTheEngine = EngineArchitectureRules.apiSignaturesDoNotExposeTheEngine(API);

  @ArchTest
  static final ArchRule jsonDependsOnTheApiOnly = EngineArchitectureRules.jsonDependsOnTheApiOnly(API);

  @ArchTest
  static final ArchRule internalHelpersDependOnNothingOfTheRules =
      EngineArchitectureRules.internalHelpersDependOnNothingOfTheRules(API);

  // No cycle beyond the front door: ArchitectureTest.rulesHaveNoPackageCycles.
}
