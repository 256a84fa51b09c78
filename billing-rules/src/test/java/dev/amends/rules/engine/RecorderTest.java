package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.ACCOUNT_USD_20;
import static dev.amends.rules.RuleFixtures.JUNE_2024_UTC;
import static dev.amends.rules.RuleFixtures.OUT_1;
import static dev.amends.rules.RuleFixtures.OUT_2;
import static dev.amends.rules.RuleFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.amends.core.money.ExactMoney;
import dev.amends.rules.Outcome;
import dev.amends.rules.RuleContext;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.TraceNode;
import dev.amends.rules.Verdict;
import java.util.Optional;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** What the recorder writes into traces: the USD 20.00 account in June 2024 with OUT-1 (3 h) and OUT-2 (1 h). */
class RecorderTest {
  static final RuleContext TWO_OUTAGES = context(ACCOUNT_USD_20, JUNE_2024_UTC, OUT_1, OUT_2);
  static final RuleContext NO_OUTAGE = context(ACCOUNT_USD_20, JUNE_2024_UTC);

  /** USD 1.00 for OUT-1, nothing for any other outage. */
  static final Answer ONLY_OUT_1 = Answer.of("a", c -> c.measurement().outageIds().contains("OUT-1")
      ? Outcome.credit(usd("1.00"), "for OUT-1")
      : Outcome.noCredit("not OUT-1"));

  static ExactMoney usd(String amount) {
    return ExactMoney.of(Money.parse("USD " + amount));
  }

  static TraceNode trace(RuleNode root, RuleContext context) {
    return Evaluator.INSTANCE.evaluate(root, "", context).trace();
  }

  @Test
  void anEvaluatorSaysWhetherItTraces() {
    assertThat(Evaluator.INSTANCE.tracing()).isTrue();
    assertThat(Evaluator.UNTRACED.tracing()).isFalse();
    assertThat(new Evaluator(CompiledPolicy.EMPTY, true).tracing()).isTrue();
    assertThat(new Evaluator(CompiledPolicy.EMPTY, false).tracing()).isFalse();
  }

  @Test
  void aSumAfterOtherLinesCountsAndTotalsOnlyItsOwn() {
    TraceNode root = trace(Rules.sum("outer", Answer.credit("a", "USD 1.00"),
        Rules.sum("inner", Answer.credit("b", "USD 2.00"))), TWO_OUTAGES);

    TraceNode inner = root.find("outer/inner").orElseThrow();
    assertThat(inner.summary()).isEqualTo("sum of 1 line(s) = USD 2.00");
    assertThat(inner.amount()).contains(usd("2.00"));
    assertThat(root.summary()).isEqualTo("sum of 2 line(s) = USD 3.00");
  }

  @Test
  void aSumWhoseChildrenGaveNothingHasNoAmount() {
    TraceNode root = trace(Rules.sum("outer", Answer.credit("a", "USD 1.00"),
        Rules.sum("inner", Answer.none("b"))), TWO_OUTAGES);

    TraceNode inner = root.find("outer/inner").orElseThrow();
    assertThat(inner.verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(inner.summary()).isEqualTo("no child gave a credit");
    assertThat(inner.amount()).isEmpty();
  }

  @Test
  void aPerOutageNodeTracesEachOutageAndCountsOnlyItsOwnLines() {
    // 5.00 before it; per outage, 1.00 for OUT-1 and nothing for OUT-2
    TraceNode root = trace(Rules.sum("s", Answer.credit("first", "USD 5.00"), Rules.perOutage("each", ONLY_OUT_1)),
        TWO_OUTAGES);

    TraceNode each = root.find("s/each").orElseThrow();
    assertThat(each.verdict()).isEqualTo(Verdict.CREDITED);
    assertThat(each.summary()).isEqualTo("1 line(s) for 2 outage(s) = USD 1.00");
    assertThat(each.amount()).contains(usd("1.00"));
    assertThat(each.children()).extracting(TraceNode::path, TraceNode::verdict, TraceNode::amount).containsExactly(
        tuple("s/each[OUT-1]", Verdict.CREDITED, Optional.of(usd("1.00"))),
        tuple("s/each[OUT-2]", Verdict.NOT_MET, Optional.empty()));
  }

  @Test
  void aPerOutageNodeSaysWhenNoOutageGaveACredit() {
    TraceNode each = trace(Rules.perOutage("each", Answer.none("n")), TWO_OUTAGES);

    assertThat(each.verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(each.summary()).isEqualTo("no credit for any of 2 outage(s)");
    assertThat(each.amount()).isEmpty();
  }

  @Test
  void aPerOutageNodeSaysWhenNoOutageCountedDowntime() {
    TraceNode each = trace(Rules.perOutage("each", Answer.credit("a", "USD 1.00")), NO_OUTAGE);

    assertThat(each.verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(each.summary()).isEqualTo("no outage counted downtime");
    assertThat(each.children()).isEmpty();
  }
}
