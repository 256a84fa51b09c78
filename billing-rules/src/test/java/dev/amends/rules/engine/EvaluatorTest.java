package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.rules.Condition;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.RuleContext;
import dev.amends.rules.RuleEvaluationException;
import dev.amends.rules.Rules;
import org.junit.jupiter.api.Test;

/** An evaluator: what it was built with, rule paths, and conditions that fail. */
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
}
