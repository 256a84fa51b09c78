package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.rules.FlatAmountRule;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.Sum;
import org.junit.jupiter.api.Test;

/** A policy's tree compiled once: the plan and leaves it hands out, and a subtree's paths. */
class CompiledPolicyTest {
  static final FlatAmountRule FIVE = Rules.flatAmount("five", usd("5.00"));
  static final Sum ROOT = Rules.sum("sla", FIVE, Rules.flatAmount("two", usd("2.00")));

  @Test
  void theRootsPlanAndLeavesAreCompiledOnce() {
    CompiledPolicy compiled = CompiledPolicy.of(ROOT);

    assertThat(compiled.plan(ROOT, "")).isSameAs(compiled.plan(ROOT, ""));
    assertThat(compiled.leaf(FIVE)).isSameAs(compiled.leaf(FIVE));
  }

  @Test
  void aRuleOutsideTheTreeIsCompiledWhenAsked() {
    CompiledPolicy compiled = CompiledPolicy.of(ROOT);
    FlatAmountRule other = Rules.flatAmount("five", usd("5.00"));

    assertThat(compiled.leaf(other)).isNotNull().isNotSameAs(compiled.leaf(FIVE));
  }

  @Test
  void theRootEvaluatedUnderAParentTakesItsPath() {
    Evaluator evaluator = new Evaluator(CompiledPolicy.of(ROOT), false);
    RuleNode root = ROOT;

    Evaluation e = evaluator.evaluate(root, "campaign", context(ACCOUNT_USD_20, JUNE_2024_UTC));

    assertThat(e.lines()).extracting(Evaluation.PendingLine::path)
        .containsExactly("campaign/sla/five", "campaign/sla/two");
  }
}
