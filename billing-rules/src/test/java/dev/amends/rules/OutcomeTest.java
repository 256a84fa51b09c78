package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a rule decided. */
class OutcomeTest {
  static final ExactMoney USD_2 = ExactMoney.of(money("USD 2.00"));

  @Test
  void keepsANoCreditReasonWithoutAnAmount() {
    Outcome o = Outcome.noCredit("availability 99.95 % >= 99.9 %");

    assertThat(o.isCredit()).isFalse();
    assertThat(o.amount()).isEmpty();
    assertThat(o.toString()).isEqualTo("no credit: availability 99.95 % >= 99.9 %");
  }

  @Test
  void rejectsANegativeAmount() {
    assertThatThrownBy(() -> Outcome.credit(USD_2.negated(), "x"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("outcome.amount"));
  }

  @Test
  void rejectsABlankReason() {
    assertThatThrownBy(() -> Outcome.noCredit(" "))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("outcome.reason"));
  }

  @Test
  void rejectsDaysOnNoCreditAndNegativeDays() {
    assertThatThrownBy(() -> Outcome.noCredit("x").withDays(Ratio.ONE))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("outcome.days"));
    assertThatThrownBy(() -> Outcome.credit(USD_2, "x").withDays(Ratio.of(-1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("outcome.days"));
  }

  @Test
  void copiesOnEveryWith() {
    Outcome base = Outcome.credit(USD_2, "10 % of USD 20.00");
    Outcome rich = base.withValue("percent", TraceValue.percent(BigDecimal.TEN)).withOutages(List.of("INC-1"))
        .withFlag(DecisionFlag.AMBIGUOUS_BOUNDARY).withDays(Ratio.of(3));

    assertThat(base.values()).isEmpty();
    assertThat(base.outageIds()).isEmpty();
    assertThat(base.flags()).isEmpty();
    assertThat(base.days()).isEmpty();
    assertThat(rich.values()).containsExactly(java.util.Map.entry("percent", TraceValue.percent(BigDecimal.TEN)));
    assertThat(rich.outageIds()).containsExactly("INC-1");
    assertThat(rich.flags()).containsExactly(DecisionFlag.AMBIGUOUS_BOUNDARY);
    assertThat(rich.days()).contains(Ratio.of(3));
    assertThat(rich.toString()).isEqualTo("credit USD 2.00: 3 days: 10 % of USD 20.00");
  }

  @Test
  void keepsValuesInTheOrderAdded() {
    Outcome o = Outcome.credit(USD_2, "x").withValue("b", TraceValue.count(1)).withValue("a", TraceValue.count(2));

    assertThat(o.values().keySet()).containsExactly("b", "a");
  }

  @Test
  void aNameGivenTwiceKeepsItsFirstPlaceAndItsLastValue() {
    Outcome o = Outcome.credit(USD_2, "x").withValue("a", "first").withValue("b", "2").withValue("a", "last");

    assertThat(o.values()).containsExactly(java.util.Map.entry("a", TraceValue.text("last")),
        java.util.Map.entry("b", TraceValue.text("2")));
  }

  @Test
  void refusesANullValueNamingIt() {
    assertThatThrownBy(() -> Outcome.noCredit("x").withValue("a", (TraceValue) null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("outcome.value"));
    assertThatThrownBy(() -> Outcome.noCredit("x").withValue("a", (String) null))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("traceValue.text"));
  }

  @Test
  void isEqualByValue() {
    assertThat(Outcome.credit(USD_2, "x").withValue("a", TraceValue.percent(new BigDecimal("10.00"))))
        .isEqualTo(Outcome.credit(ExactMoney.of(USD, Ratio.of(2)), "x").withValue("a", TraceValue.percent(BigDecimal.TEN)))
        .hasSameHashCodeAs(Outcome.credit(USD_2, "x").withValue("a", TraceValue.percent(new BigDecimal("1E+1"))))
        .isNotEqualTo(Outcome.credit(USD_2, "x").withValue("a", "10"));
  }
}
