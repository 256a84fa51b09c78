package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.amends.core.money.ExactMoney;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

class MostGenerousTest {
  @Test
  void keepsOnlyTheWinnersLines() {
    CreditDecision d = decide(Rules.mostGenerous("best",
        Fixed.credit("a", "2.00"), Fixed.credit("b", "3.50"), Fixed.none("c", "nothing")));

    assertThat(d.lines()).extracting(CreditLine::rulePath, CreditLine::amount)
        .containsExactly(tuple("best/b", usd("3.50")));
  }

  @Test
  void tracesLosersAsLostWithTheirAmounts() {
    Evaluation e = evaluate(Rules.mostGenerous("best",
        Fixed.credit("a", "2.00"), Fixed.credit("b", "3.50"), Fixed.none("c", "nothing")));

    TraceNode root = e.trace();
    assertThat(root.verdict()).isEqualTo(Verdict.CREDITED);
    assertThat(root.summary()).isEqualTo("most generous: b with USD 3.50");
    assertThat(root.values()).containsEntry("winner", TraceValue.text("b"));
    assertThat(root.children()).extracting(TraceNode::path, TraceNode::verdict, TraceNode::amount)
        .containsExactly(
            tuple("best/a", Verdict.LOST, Optional.of(ExactMoney.of(usd("2.00")))),
            tuple("best/b", Verdict.CREDITED, Optional.of(ExactMoney.of(usd("3.50")))),
            tuple("best/c", Verdict.NOT_MET, Optional.empty()));
    assertThat(root.children().get(0).summary()).endsWith("lost to b (USD 3.50 >= USD 2.00)");
  }

  @Test
  void comparesUnroundedValues() {
    // 10/3 = 3.3333… beats 3.333, though both round to USD 3.33
    Evaluation e = evaluate(Rules.mostGenerous("best", Fixed.credit("a", "3.333"), Fixed.credit("b", "10/3")));

    assertThat(e.trace().values()).containsEntry("winner", TraceValue.text("b"));
  }

  @Test
  void givesATieToTheFirstWritten() {
    Evaluation e = evaluate(Rules.mostGenerous("best", Fixed.credit("a", "3.00"), Fixed.credit("b", "3.00")));

    assertThat(e.lines()).extracting(Evaluation.PendingLine::path).containsExactly("best/a");
    assertThat(e.trace().find("best/b")).get().extracting(TraceNode::verdict).isEqualTo(Verdict.LOST);
  }

  @Test
  void valuesEveryLineOfAChild() {
    // sum 1.50 + 1.50 = 3.00 beats a single 2.99
    Evaluation e = evaluate(Rules.mostGenerous("best",
        Fixed.credit("single", "2.99"),
        Rules.sum("pair", Fixed.credit("x", "1.50"), Fixed.credit("y", "1.50"))));

    assertThat(e.lines()).extracting(Evaluation.PendingLine::path).containsExactly("best/pair/x", "best/pair/y");
    assertThat(e.trace().summary()).isEqualTo("most generous: pair with USD 3.00");
  }

  @Test
  void isNotMetWhenNoChildGivesCredit() {
    Evaluation e = evaluate(Rules.mostGenerous("best", Fixed.none("a", "no"), Fixed.none("b", "no")));

    assertThat(e.lines()).isEmpty();
    assertThat(e.trace().verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(decide(Rules.mostGenerous("best", Fixed.none("a", "no"))).total(CurrencyUnit.USD))
        .isEqualTo(usd("0.00"));
  }
}
