package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.ACCOUNT_USD_20;
import static dev.amends.rules.RuleFixtures.JUNE_2024_UTC;
import static dev.amends.rules.RuleFixtures.OUT_1;
import static dev.amends.rules.RuleFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.DayCount;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.rules.DaysValue;
import dev.amends.rules.RuleContext;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.Tier;
import dev.amends.rules.TraceValue;
import dev.amends.rules.Verdict;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The named values each standard leaf shows in its trace, and the outages its line rests on: the
 * USD 20.00 account in June 2024 (UTC, 43,200 minutes) with OUT-1, 3 hours down, so availability
 * 1 - 180/43,200 = 239/240 (99.58 %).
 */
class StandardRulesTest {
  static final RuleContext JUNE = context(ACCOUNT_USD_20, JUNE_2024_UTC, OUT_1);

  static Evaluation traced(RuleNode leaf) {
    return Evaluator.INSTANCE.evaluate(leaf, "", JUNE);
  }

  static TraceValue usd(String amount) {
    return TraceValue.money(ExactMoney.of(Money.parse("USD " + amount)));
  }

  @Test
  void daysOfServiceValuedAtADayCountShowTheAvailabilityTheDaysAndTheDailyRate() {
    // 99.58 % is in [99, 99.9): 2 days at 20.00 / 30 = 2/3 a day
    Evaluation e = traced(Rules.daysOfService("days", DaysValue.valuedAt(DayCount.THIRTY),
        Tier.range("0", "99.0", "5"), Tier.range("99.0", "99.9", "2"), Tier.of("99.9", true, "100", true, "0")));

    assertThat(e.trace().values()).containsOnlyKeys("availability", "days", "dailyRate");
    assertThat(e.trace().values()).containsEntry("availability", TraceValue.availability(Ratio.of(239, 240)))
        .containsEntry("days", TraceValue.days(Ratio.of(2)))
        .containsEntry("dailyRate", TraceValue.money(ExactMoney.of(CurrencyUnit.USD, Ratio.of(2, 3))));
    assertThat(e.lines()).extracting(PendingLine::outageIds).containsExactly(List.of("OUT-1"));
  }

  @Test
  void aFlatAmountShowsTheAmountInTheAccountsCurrency() {
    Evaluation e = traced(Rules.flatAmount("flat", Money.parse("EUR 9.00"), Money.parse("USD 5.00")));

    assertThat(e.trace().values()).containsExactlyEntriesOf(java.util.Map.of("amount", usd("5.00")));
  }

  @Test
  void freePeriodsAtTheFullFeeShowTheCountAndThePeriodsFee() {
    Evaluation e = traced(Rules.freePeriods("free", BigDecimal.ONE, Rules.FreePeriodValue.FULL_PERIOD_FEE));

    assertThat(e.trace().values()).containsOnlyKeys("count", "periodFee")
        .containsEntry("count", TraceValue.number(BigDecimal.ONE))
        .containsEntry("periodFee", usd("20.00"));
  }

  @Test
  void blocksOfDowntimeShowTheDowntimeTheBlocksThePercentAndTheFee() {
    // 3 h in started blocks of 1 h: 3 blocks x 10 % = 30 % of 20.00 = 6.00
    Evaluation e = traced(Rules.perBlock("blocks", Duration.ofHours(1), BigDecimal.TEN, Rules.BlockCount.STARTED));

    assertThat(e.trace().verdict()).isEqualTo(Verdict.CREDITED);
    assertThat(e.trace().values()).containsOnlyKeys("downtime", "blocks", "percent", "fee")
        .containsEntry("downtime", TraceValue.duration(Duration.ofHours(3)))
        .containsEntry("blocks", TraceValue.count(3))
        .containsEntry("fee", usd("20.00"));
    assertThat(e.lines()).extracting(PendingLine::amount, PendingLine::outageIds)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ExactMoney.of(Money.parse("USD 6.00")), List.of("OUT-1")));
  }

  @Test
  void noCompletedBlockShowsTheDowntime() {
    // 3 h is no completed block of 4 h
    Evaluation e = traced(Rules.perBlock("blocks", Duration.ofHours(4), BigDecimal.TEN, Rules.BlockCount.COMPLETED));

    assertThat(e.trace().verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(e.trace().values()).containsExactlyEntriesOf(
        java.util.Map.of("downtime", TraceValue.duration(Duration.ofHours(3))));
  }

  @Test
  void downtimeWithinTheAllowanceShowsTheDowntimeAndTheAllowance() {
    // 3 h down, 4 h allowed
    Evaluation e = traced(Rules.multipleOfProratedFee("x10", BigDecimal.TEN, Duration.ofHours(4)));

    assertThat(e.trace().verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(e.trace().values()).containsOnlyKeys("downtime", "allowance")
        .containsEntry("downtime", TraceValue.duration(Duration.ofHours(3)))
        .containsEntry("allowance", TraceValue.duration(Duration.ofHours(4)));
  }
}
