package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.ExactMoney;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A fixed amount in the account's currency. */
class FlatAmountRuleTest {
  static final CreditRule FLAT =
      Rules.flatAmount("flat", money("USD 5.00"), money("JPY 500"), money("BHD 1.500"));

  @ParameterizedTest(name = "an account billed at {0} gets {1}")
  @CsvSource({
      "USD 20.00,  USD 5.00",
      "JPY 2000,   JPY 500",
      "BHD 8.000,  BHD 1.500"})
  void givesTheAmountInTheAccountsCurrency(String fee, String expected) {
    Outcome o = FLAT.evaluate(given(money(fee)).context());

    assertThat(o.amount()).contains(ExactMoney.of(money(expected)));
    assertThat(o.reason()).isEqualTo("flat credit of " + money(expected));
    // Already at the currency's scale: rounding changes nothing.
    assertThat(HALF_EVEN.round(o.amount().orElseThrow())).isEqualTo(money(expected));
  }

  @Test
  void rejectsAnAccountWhoseCurrencyHasNoAmountNamingTheField() {
    assertThatThrownBy(() -> FLAT.evaluate(given(money("EUR 10.00")).context()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("flat.amounts"))
        .hasMessage("flat.amounts has no amount in EUR: [USD 5.00, JPY 500, BHD 1.500]");
  }

  @Test
  void failsTheDecisionWithTheRulesPathWhenTheCurrencyIsMissing() {
    var account = given(money("EUR 10.00")).account();
    var engine = engineFor(onePolicy(Rules.sum("goodwill", FLAT), HALF_UP));

    assertThatThrownBy(() -> engine.decide(account, JUNE_2024_NY))
        .isInstanceOfSatisfying(RuleEvaluationException.class, e -> assertThat(e.path()).isEqualTo("goodwill/flat"))
        .hasMessageContaining("flat.amounts has no amount in EUR");
  }

  @Test
  void issuesTheAmountThroughTheEngine() {
    var d = engineFor(onePolicy(FLAT, HALF_UP)).decide(given(money("JPY 2000")).account(), JUNE_2024_NY);

    assertThat(d.lines()).extracting(CreditLine::amount).containsExactly(money("JPY 500"));
  }

  @Test
  void rejectsTwoAmountsInOneCurrency() {
    assertThatThrownBy(() -> Rules.flatAmount("flat", money("USD 5.00"), money("USD 7.00")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("flat.amounts"))
        .hasMessageContaining("has two amounts in USD");
  }

  @Test
  void rejectsANegativeAmount() {
    assertThatThrownBy(() -> Rules.flatAmount("flat", money("USD -5.00")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("flat.amounts"));
  }

  @Test
  void rejectsNoAmounts() {
    assertThatThrownBy(() -> Rules.flatAmount("flat"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("flat.amounts"));
  }
}
