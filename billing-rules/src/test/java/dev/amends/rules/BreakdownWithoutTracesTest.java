package dev.amends.rules;

import dev.amends.rules.engine.LibraryNodes;
import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.outage.OutageLog;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With traces off the engine skips the per-outage breakdown only where no rule of the user's
 * own could read it: what a rule reads never depends on tracing.
 */
class BreakdownWithoutTracesTest {
  /** A user's rule that reads the breakdown: USD 1.00 per outage it lists. */
  record PerListedOutage(String id) implements CreditRule {
    @Override
    public String kind() {
      return "per-listed-outage";
    }

    @Override
    public Outcome evaluate(RuleContext context) {
      int listed = context.measurement().breakdown().size();
      return Outcome.credit(ExactMoney.of(context.account().currency(), dev.amends.core.money.Ratio.of(new BigDecimal(listed))),
          listed + " outages listed");
    }
  }

  static CreditDecision decide(RuleNode rule, boolean traces) {
    return CreditEngine.builder().policies(PolicyBook.of(policy("p", rule)))
        .outages(OutageLog.of(List.of(OUT_1, OUT_2))).traces(traces).build()
        .decide(ACCOUNT_USD_20, JUNE_2024_UTC);
  }

  @Test
  void aRuleOfYourOwnReadsTheBreakdownWithTracesOffToo() {
    RuleNode rule = Rules.sum("all", new PerListedOutage("listed"));

    // Two outages in June, each listed once: USD 2.00 whether traces are on or off.
    assertThat(decide(rule, false).lines()).extracting(CreditLine::amount).containsExactly(usd("2.00"));
    assertThat(decide(rule, true).lines()).extracting(CreditLine::amount).containsExactly(usd("2.00"));
  }

  @Test
  void onlyATreeOfLibraryNodesAndConditionsCountsAsTheLibrarys() {
    RuleNode library = Rules.when("w", Conditions.all(Conditions.planIn("pro"), Conditions.not(Conditions.planIn("x"))),
        Rules.percentOfFee("ten", BigDecimal.TEN));
    Condition own = new Condition() {
      @Override
      public ConditionResult test(RuleContext context) {
        return new ConditionResult(true, "always", "always");
      }

      @Override
      public String canonical() {
        return "always";
      }
    };

    assertThat(LibraryNodes.only(library)).isTrue();
    assertThat(LibraryNodes.only(Rules.sum("s", new PerListedOutage("x")))).isFalse();
    assertThat(LibraryNodes.only(Rules.when("w", Conditions.any(Conditions.planIn("pro"), own),
        Rules.percentOfFee("ten", BigDecimal.TEN)))).isFalse();
  }
}
