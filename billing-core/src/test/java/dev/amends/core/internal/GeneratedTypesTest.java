package dev.amends.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeneratedTypesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "dev.amends.core.account.ImmutableAccount, account",
      "dev.amends.core.account.ImmutableAccount$Builder, account",
      "dev.amends.core.measure.ImmutableMeasurementRules$Builder, measurementRules",
      "dev.amends.rules.ImmutableDecisionRequest$Builder, decisionRequest",
      "dev.amends.rules.ImmutableRuleContext, ruleContext",
      // A class that is not generated keeps its own name, lower-camel.
      "dev.amends.core.account.Account, account",
      "dev.amends.core.Immutable, immutable",
      "Toplevel$Inner$Deeper, toplevel"
  })
  void namesTheValueTypeLowerCamelWithoutTheImmutablePrefix(String className, String expected) {
    assertThat(GeneratedTypes.typeName(className)).isEqualTo(expected);
  }
}
