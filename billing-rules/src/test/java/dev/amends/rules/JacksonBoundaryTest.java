package dev.amends.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.amends.core.arch.AmendsArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * Only the JSON codec ({@code dev.amends.rules.json}) uses Jackson: no other class of billing-rules
 * does ({@link ArchitectureTest} applies the rule; billing-core's own architecture test keeps core
 * free of Jackson altogether), and the rule is able to fail.
 */
class JacksonBoundaryTest {

  static final ArchRule ONLY_THE_JSON_PACKAGE_USES_JACKSON = noClasses()
      .that().resideInAPackage(AmendsArchitectureRules.AMENDS + "..")
      .and().resideOutsideOfPackage("dev.amends.rules.json..")
      .should().dependOnClassesThat()
      .resideInAnyPackage(AmendsArchitectureRules.JACKSON_PACKAGES.stream().map(p -> p + "..").toArray(String[]::new))
      .as("only dev.amends.rules.json uses Jackson")
      .because("one package owns the JSON format, its mapper and its limits");

  /** A class outside the codec that reaches for a mapper of its own. */
  static final class OwnMapper {
    final tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.shared();
  }

  @Test
  void theRuleCatchesAClassOutsideTheCodecThatUsesJackson() {
    // Only these two classes, not everything Jackson reaches: the rule reads their own byte code.
    var config = com.tngtech.archunit.ArchConfiguration.get();
    boolean resolve = config.resolveMissingDependenciesFromClassPath();
    config.setResolveMissingDependenciesFromClassPath(false);
    com.tngtech.archunit.core.domain.JavaClasses classes;
    try {
      classes = new ClassFileImporter().importClasses(OwnMapper.class, PolicyBook.class);
    } finally {
      config.setResolveMissingDependenciesFromClassPath(resolve);
    }

    assertThat(ONLY_THE_JSON_PACKAGE_USES_JACKSON.evaluate(classes).getFailureReport().getDetails())
        .isNotEmpty().allSatisfy(d -> assertThat(d).contains("JacksonBoundaryTest$OwnMapper").contains("JsonMapper"));
  }
}
