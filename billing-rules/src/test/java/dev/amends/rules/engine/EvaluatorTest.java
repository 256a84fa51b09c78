package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.amends.core.money.ExactMoney;
import dev.amends.rules.CapLimit;
import dev.amends.rules.Condition;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.Outcome;
import dev.amends.rules.RuleContext;
import dev.amends.rules.RuleEvaluationException;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.engine.Evaluation.CapMark;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An evaluator: what it was built with, rule paths, conditions that fail, and the accumulator
 * each thread reuses from one evaluation to the next (a fresh one for an evaluation within one).
 */
class EvaluatorTest {
  static final RuleContext JUNE = context(ACCOUNT_USD_20, JUNE_2024_UTC);

  /** A user condition that recurses without end. */
  static final class Bottomless implements Condition {
    @Override
    public ConditionResult test(RuleContext context) {
      return test(context);
    }

    @Override
    public String canonical() {
      return "bottomless";
    }
  }

  /** A user condition whose test and canonical form both fail. */
  static final class Broken implements Condition {
    @Override
    public ConditionResult test(RuleContext context) {
      throw new IllegalStateException("no data");
    }

    @Override
    public String canonical() {
      throw new UnsupportedOperationException("no text");
    }
  }

  @Test
  void anEvaluatorTellsWhetherItTracesAndWhatItCompiled() {
    CompiledPolicy compiled = CompiledPolicy.of(Rules.flatAmount("flat", USD_20_00));
    Evaluator tracing = new Evaluator(compiled, true);
    Evaluator silent = new Evaluator(compiled, false);

    assertThat(tracing.tracing()).isTrue();
    assertThat(tracing.recorder()).isSameAs(Recorder.ON);
    assertThat(silent.tracing()).isFalse();
    assertThat(silent.recorder()).isSameAs(Recorder.OFF);
    assertThat(tracing.compiled()).isSameAs(compiled);
  }

  @Test
  void aRootsPathIsItsIdAndAChildsIsUnderItsParent() {
    assertThat(Evaluator.pathOf("", Rules.flatAmount("flat", USD_20_00))).isEqualTo("flat");
    assertThat(Evaluator.pathOf("sla", Rules.flatAmount("flat", USD_20_00))).isEqualTo("sla/flat");
  }

  @Test
  void aConditionThatRecursesTooDeeplyIsNamedByItsClass() {
    assertThatThrownBy(() -> Evaluator.UNTRACED.test(new Bottomless(), "sla/when", JUNE))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("rule sla/when condition " + Bottomless.class.getName() + " failed: "
            + Evaluator.STACK_OVERFLOW);
  }

  @Test
  void aConditionWithoutACanonicalFormIsNamedByItsClass() {
    assertThatThrownBy(() -> Evaluator.UNTRACED.test(new Broken(), "sla/when", JUNE))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("rule sla/when condition " + Broken.class.getName()
            + " failed: java.lang.IllegalStateException: no data");
  }

  /** A tree whose only line is cut by its cap: 3.00 capped at 1.00. */
  static final RuleNode INNER = Rules.cap("inner", CapLimit.amount(usd("1.00")), Answer.credit("x", "USD 3.00"));

  @Test
  void aRuleThatEvaluatesAnotherTreeMidwayLeavesTheOuterLinesAndCapsAsTheyAre() {
    // the middle rule evaluates INNER on the same thread while the outer lines are being gathered
    List<Evaluation> nested = new ArrayList<>();
    RuleNode tree = Rules.cap("outer", CapLimit.amount(usd("10.00")), Rules.sum("s",
        Answer.credit("a", "USD 2.00"),
        Answer.of("calls", c -> {
          Evaluation e = Evaluator.UNTRACED.evaluate(INNER, "", c);
          nested.add(e);
          return Outcome.credit(e.lines().get(0).amount(), "what the inner tree gave");
        }),
        Answer.credit("b", "USD 4.00")));

    Evaluation outer = Evaluator.UNTRACED.evaluate(tree, "", JUNE);

    // 2.00 + 1.00 + 4.00 = 7.00, within the outer cap of 10.00
    assertThat(outer.lines()).extracting(PendingLine::path, PendingLine::amount, PendingLine::caps)
        .containsExactly(
            tuple("outer/s/a", ExactMoney.of(usd("2.00")), List.of(outerMark())),
            tuple("outer/s/calls", ExactMoney.of(usd("1.00")), List.of(outerMark())),
            tuple("outer/s/b", ExactMoney.of(usd("4.00")), List.of(outerMark())));
    assertThat(outer.flags()).isEmpty();
    assertThat(nested).singleElement().satisfies(e -> {
      assertThat(e.lines()).extracting(PendingLine::path, PendingLine::caps).containsExactly(
          tuple("inner/x",
              List.of(new CapMark("inner#", ExactMoney.of(usd("1.00")), true))));
      assertThat(e.lines().get(0).amount()).isEqualTo(ExactMoney.of(usd("1.00")));
      assertThat(e.flags()).containsExactly(DecisionFlag.CAP_REACHED);
    });
  }

  private static CapMark outerMark() {
    return new CapMark("outer#", ExactMoney.of(usd("10.00")), false);
  }

  @Test
  void anEvaluationThatFailsLeavesNothingOfItsOwnToTheNextOnTheSameThread() {
    RuleNode failing = Rules.cap("c", CapLimit.amount(usd("1.00")), Rules.sum("s",
        Answer.credit("a", "USD 2.00"),
        Answer.of("broken", c -> {
          throw new IllegalStateException("no data");
        })));
    assertThatThrownBy(() -> Evaluator.UNTRACED.evaluate(failing, "", JUNE))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("rule c/s/broken failed: java.lang.IllegalStateException: no data");

    Evaluation next = Evaluator.UNTRACED.evaluate(Answer.credit("b", "USD 4.00"), "", JUNE);

    assertThat(next.lines()).extracting(PendingLine::path, PendingLine::caps)
        .containsExactly(tuple("b", List.of()));
    assertThat(next.lines().get(0).amount()).isEqualTo(ExactMoney.of(usd("4.00")));
    assertThat(next.flags()).isEmpty();
    assertThat(next.carried()).isEmpty();
    assertThat(next.warnings()).isEmpty();
  }
}
