package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A percentage of the fee per block of downtime, started or completed. */
class BlockRuleTest {
  static final CreditRule STARTED =
      Rules.perBlock("blocks", Duration.ofMinutes(30), new BigDecimal("5"), Rules.BlockCount.STARTED);
  static final CreditRule COMPLETED =
      Rules.perBlock("blocks", Duration.ofMinutes(30), new BigDecimal("5"), Rules.BlockCount.COMPLETED);

  @Test
  void countsEveryStartedBlock() {
    // 61 min / 30 = 2.03 → 3 started blocks × 5 % = 15 % of USD 20.00 = USD 3.00.
    Outcome o = STARTED.evaluate(given(USD_20_00).downMinutes("61").context());

    assertThat(o.amount()).contains(ExactMoney.of(money("USD 3.00")));
    assertThat(o.reason()).isEqualTo("61 min down = 3 started block(s) of 30 min x 5 % = 15 % of USD 20.00");
    assertThat(o.values()).containsEntry("blocks", TraceValue.count(3))
        .containsEntry("percent", TraceValue.percent(new BigDecimal("15")))
        .containsEntry("downtime", TraceValue.duration(Duration.ofMinutes(61)));
    assertThat(o.values().get("downtime").text()).isEqualTo("61 min");
  }

  @Test
  void countsOnlyCompletedBlocks() {
    // 61 min / 30 = 2.03 → 2 completed blocks × 5 % = 10 % of USD 20.00 = USD 2.00.
    Outcome o = COMPLETED.evaluate(given(USD_20_00).downMinutes("61").context());

    assertThat(o.amount()).contains(ExactMoney.of(money("USD 2.00")));
    assertThat(o.reason()).isEqualTo("61 min down = 2 completed block(s) of 30 min x 5 % = 10 % of USD 20.00");
  }

  @Test
  void countsTheSameBlocksEitherWayOnAnExactMultiple() {
    // 60 min / 30 = 2 exactly → 2 started, 2 completed → 10 % of USD 20.00 = USD 2.00.
    var ctx = given(USD_20_00).downMinutes("60").context();

    assertThat(STARTED.evaluate(ctx).amount()).contains(ExactMoney.of(money("USD 2.00")));
    assertThat(COMPLETED.evaluate(ctx).amount()).contains(ExactMoney.of(money("USD 2.00")));
  }

  @Test
  void givesNoCreditWithoutDowntime() {
    var ctx = given(USD_20_00).context();

    assertThat(STARTED.evaluate(ctx).isCredit()).isFalse();
    assertThat(STARTED.evaluate(ctx).reason()).isEqualTo("0 min down = 0 started block(s) of 30 min");
    assertThat(COMPLETED.evaluate(ctx).isCredit()).isFalse();
  }

  @Test
  void startsABlockWithOneNanosecondOfDowntime() {
    // 1 ns: 1 started block → 5 % of USD 20.00 = USD 1.00; 0 completed blocks → no credit.
    var ctx = given(USD_20_00).down(Duration.ofNanos(1)).context();

    assertThat(STARTED.evaluate(ctx).amount()).contains(ExactMoney.of(money("USD 1.00")));
    assertThat(COMPLETED.evaluate(ctx).isCredit()).isFalse();
  }

  @Test
  void completesABlockOnlyAtItsLastNanosecond() {
    // 30 min - 1 ns: 0 completed; 30 min: 1 completed → 5 % of USD 20.00 = USD 1.00.
    assertThat(COMPLETED.evaluate(given(USD_20_00).down(Duration.ofMinutes(30).minusNanos(1)).context()).isCredit())
        .isFalse();
    assertThat(COMPLETED.evaluate(given(USD_20_00).downMinutes("30").context()).amount())
        .contains(ExactMoney.of(money("USD 1.00")));
  }

  @Test
  void takesThePercentOfTheProratedFee() {
    // Active from 16 June 00:00 New York (04:00Z): 15 of 30 days → fee USD 10.00;
    // 61 min → 3 started blocks = 15 % of USD 10.00 = USD 1.50.
    var ctx = given(USD_20_00).active(Instant.parse("2024-06-16T04:00:00Z"), Instant.MAX)
        .downMinutes("61").context();

    assertThat(STARTED.evaluate(ctx).amount()).contains(ExactMoney.of(money("USD 1.50")));
  }

  @ParameterizedTest(name = "15 % of {0} = {1} → {2} half-up, {3} half-even")
  @CsvSource({
      // 15 % of USD 0.30 = 0.045 → 0.05 half-up, 0.04 half-even
      "USD 0.30,  0.045,  USD 0.05,  USD 0.04",
      // 15 % of JPY 1,030 = 154.5 → 155 half-up, 154 half-even
      "JPY 1030,  154.5,  JPY 155,   JPY 154",
      // 15 % of BHD 1.030 = 0.1545 → 0.155 half-up, 0.154 half-even
      "BHD 1.030, 0.1545, BHD 0.155, BHD 0.154"})
  void roundsTheBlockCreditOnceAtTheCurrencysScale(String fee, String exact, String halfUp, String halfEven) {
    // 61 min → 3 started blocks × 5 % = 15 %.
    ExactMoney amount = STARTED.evaluate(given(money(fee)).downMinutes("61").context()).amount().orElseThrow();

    assertThat(amount.amount()).isEqualTo(Ratio.of(new BigDecimal(exact)));
    assertThat(HALF_UP.round(amount)).isEqualTo(money(halfUp));
    assertThat(HALF_EVEN.round(amount)).isEqualTo(money(halfEven));
  }

  @Test
  void roundsThroughTheEngineWithThePolicysRounding() {
    // An unplanned outage of 61 min: 3 started blocks = 15 % of USD 0.30 = 0.045 → USD 0.05 / USD 0.04.
    var outage = outage("INC-1", Instant.parse("2024-06-14T14:00:00Z"), Instant.parse("2024-06-14T15:01:00Z"));
    var account = given(money("USD 0.30")).account();

    assertThat(engineFor(onePolicy(STARTED, HALF_UP), outage).decide(account, JUNE_2024_NY).lines())
        .extracting(CreditLine::amount).containsExactly(money("USD 0.05"));
    assertThat(engineFor(onePolicy(STARTED, HALF_EVEN), outage).decide(account, JUNE_2024_NY).lines())
        .extracting(CreditLine::amount).containsExactly(money("USD 0.04"));
  }

  @Test
  void rejectsABlockThatIsNotPositive() {
    assertThatThrownBy(() -> Rules.perBlock("b", Duration.ZERO, BigDecimal.ONE, Rules.BlockCount.STARTED))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("b.block"));
  }

  @Test
  void rejectsANegativePercent() {
    assertThatThrownBy(() -> Rules.perBlock("b", Duration.ofMinutes(30), new BigDecimal("-1"), Rules.BlockCount.STARTED))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("b.percentPerBlock"));
  }

  @Property
  void moreDowntimeNeverGivesLessCredit(
      @ForAll @LongRange(min = 0, max = 43_200L * 60) long secondsA,
      @ForAll @LongRange(min = 0, max = 43_200L * 60) long secondsB,
      @ForAll boolean started) {
    CreditRule rule = started ? STARTED : COMPLETED;
    ExactMoney less = credit(rule, Duration.ofSeconds(Math.min(secondsA, secondsB)));
    ExactMoney more = credit(rule, Duration.ofSeconds(Math.max(secondsA, secondsB)));

    assertThat(less.isNegative()).isFalse();
    assertThat(more.compareTo(less)).isGreaterThanOrEqualTo(0);
  }

  @Property
  void startedBlocksNeverGiveLessThanCompletedOnes(@ForAll @LongRange(min = 0, max = 43_200L * 60) long seconds) {
    Duration down = Duration.ofSeconds(seconds);

    assertThat(credit(STARTED, down).compareTo(credit(COMPLETED, down))).isGreaterThanOrEqualTo(0);
  }

  static ExactMoney credit(CreditRule rule, Duration down) {
    return rule.evaluate(given(USD_20_00).down(down).context()).amount().orElse(ExactMoney.zero(USD));
  }
}
