package dev.amends.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.rules.engine.Evaluation.Carry;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The thread's accumulator is lent once at a time and reused, and once handed back it holds
 * nothing of the evaluation that used it: no line, mark, rounded amount or aside stays reachable
 * (and alive) from the thread until its next evaluation.
 */
class AccTest {
  private static final ExactMoney TEN = ExactMoney.of(Money.of(CurrencyUnit.USD, 10));

  @Test
  void aReleasedAccumulatorHoldsNothingOfItsEvaluation() {
    Acc acc = Acc.borrow(Recorder.OFF, CurrencyUnit.USD);
    acc.add("sla/tiers", TEN, Ratio.of(2), "availability 99 %", List.of("OUT-1"));
    acc.withCap(0, "sla#", TEN, false);
    acc.carry(new Carry("sla", TEN));
    acc.roundingRoom();
    acc.rounded(0, Money.of(CurrencyUnit.USD, 10));

    acc.release();

    assertThat(acc.size()).isZero();
    assertThat(acc.asidesSize()).isZero();
    assertThat(acc.path(0)).isNull();
    assertThat(acc.amount(0)).isNull();
    assertThat(acc.days(0)).isNull();
    assertThat(acc.reason(0)).isNull();
    assertThat(acc.outageIds(0)).isNull();
    assertThat(acc.markGroup(0)).isNull();
    assertThat(acc.markLimit(0)).isNull();
    assertThat(acc.rounded(0)).isNull();
    assertThat(acc.aside(0)).isNull();
    assertThat(acc.trace).isNull();
  }

  @Test
  void theThreadsAccumulatorIsLentAgainOnceHandedBack() {
    Acc first = Acc.borrow(Recorder.OFF, CurrencyUnit.USD);
    first.release();

    Acc again = Acc.borrow(Recorder.OFF, CurrencyUnit.EUR);
    again.release();

    assertThat(again).isSameAs(first);
    assertThat(again.zero).isEqualTo(ExactMoney.zero(CurrencyUnit.EUR)); // reset for its new currency
  }

  @Test
  void anAccumulatorInUseIsNotLentTwice() {
    Acc outer = Acc.borrow(Recorder.OFF, CurrencyUnit.USD);
    outer.add("outer", TEN, null, "outer's line", List.of());

    Acc inner = Acc.borrow(Recorder.OFF, CurrencyUnit.USD); // an evaluation within the evaluation
    inner.add("inner", TEN, null, "inner's line", List.of());
    inner.release();

    assertThat(inner).isNotSameAs(outer);
    assertThat(outer.size()).isEqualTo(1);
    assertThat(outer.path(0)).isEqualTo("outer");
    outer.release();
    Acc next = Acc.borrow(Recorder.OFF, CurrencyUnit.USD);
    next.release();
    assertThat(next).isSameAs(outer); // the inner one was not kept
  }
}
