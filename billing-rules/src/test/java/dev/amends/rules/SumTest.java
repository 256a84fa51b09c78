package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SumTest {
  @Test
  void keepsTwoEqualCreditsAsTwoLinesWithDistinctKeys() {
    CreditDecision d = decide(Rules.sum("credits", Fixed.credit("a", "2.00"), Fixed.credit("b", "2.00")));

    assertThat(d.lines()).extracting(CreditLine::rulePath, CreditLine::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("credits/a", usd("2.00")),
            org.assertj.core.groups.Tuple.tuple("credits/b", usd("2.00")));
    assertThat(d.lines().get(0).key()).isNotEqualTo(d.lines().get(1).key());
    // 2.00 + 2.00
    assertThat(d.total(usd("0").getCurrencyUnit())).isEqualTo(usd("4.00"));
  }

  @Test
  void tracesEveryChildAndTheTotal() {
    Evaluation e = evaluate(Rules.sum("credits", Fixed.credit("a", "2.00"), Fixed.none("b", "nothing here"),
        Fixed.credit("c", "0.50")));

    assertThat(e.trace().verdict()).isEqualTo(Verdict.CREDITED);
    // 2.00 + 0.50
    assertThat(e.trace().summary()).isEqualTo("sum of 2 line(s) = USD 2.50");
    assertThat(e.trace().children()).extracting(TraceNode::path, TraceNode::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("credits/a", Verdict.CREDITED),
            org.assertj.core.groups.Tuple.tuple("credits/b", Verdict.NOT_MET),
            org.assertj.core.groups.Tuple.tuple("credits/c", Verdict.CREDITED));
  }

  @Test
  void isNotMetWhenNoChildGivesCredit() {
    Evaluation e = evaluate(Rules.sum("credits", Fixed.none("a", "no"), Fixed.none("b", "no")));

    assertThat(e.lines()).isEmpty();
    assertThat(e.trace().verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(e.trace().summary()).isEqualTo("no child gave a credit");
  }
}
