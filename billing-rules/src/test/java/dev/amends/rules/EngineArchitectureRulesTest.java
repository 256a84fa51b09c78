package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link EngineArchitectureRules} catches the deliberate violation of the fixture
 * ({@code dev.amends.rules.archfixture}), and lets the fixture's front door through, so that no
 * rule passes only because it cannot fail.
 */
class EngineArchitectureRulesTest {
  private static final String API = "dev.amends.rules.archfixture";
  private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(API);

  private static List<String> violations(EvaluationResult result) {
    assertThat(result.hasViolation()).as("the rule is violated").isTrue();
    return result.getFailureReport().getDetails();
  }

  @Test
  void aDefinitionThatCallsTheEngineIsCaughtButTheFrontDoorIsNot() {
    List<String> details = violations(EngineArchitectureRules.definitionsDoNotDependOnTheEngine(API, "Door").evaluate(FIXTURE));

    assertThat(details).anyMatch(d -> d.contains(API + ".Definition"));
    assertThat(details).anyMatch(d -> d.contains(API + ".Exposing"));
    assertThat(details).noneMatch(d -> d.contains(API + ".Door"));
  }

  @Test
  void aPublicSignatureWithAnEngineTypeIsCaught() {
    List<String> details = violations(EngineArchitectureRules.apiSignaturesDoNotExposeTheEngine(API).evaluate(FIXTURE));

    assertThat(details).singleElement().asString()
        .contains(API + ".Exposing.machine()", API + ".engine.Machine");
  }

  @Test
  void theCodecReachingIntoTheEngineIsCaught() {
    List<String> details = violations(EngineArchitectureRules.jsonDependsOnTheApiOnly(API).evaluate(FIXTURE));

    assertThat(details).allMatch(d -> d.contains(API + ".json.Reader"));
  }

  @Test
  void anInternalHelperReadingTheApiIsCaught() {
    List<String> details =
        violations(EngineArchitectureRules.internalHelpersDependOnNothingOfTheRules(API).evaluate(FIXTURE));

    assertThat(details).allMatch(d -> d.contains(API + ".internal.Helper"));
  }

  @Test
  void aCycleThroughADefinitionIsCaughtButNotOneThroughTheFrontDoor() {
    List<String> details = violations(EngineArchitectureRules.noCyclesBeyondTheFrontDoor(API, "Door").evaluate(FIXTURE));

    assertThat(String.join("\n", details)).contains("Definition").doesNotContain(API + ".Door.");
  }
}
