package dev.amends.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.time.BillingCycle;
import java.time.LocalDate;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class PriceTest {
  private static final LocalDate JAN_1_2007 = LocalDate.of(2007, 1, 1);

  @Test
  void monthlyPriceIsPerMonth() {
    Price p = Price.monthly(JAN_1_2007, Money.parse("USD 20.00"));

    assertThat(p.effectiveFrom()).isEqualTo(JAN_1_2007);
    assertThat(p.amount()).isEqualTo(Money.parse("USD 20.00"));
    assertThat(p.per()).isEqualTo(BillingCycle.MONTHLY);
    assertThat(p).hasToString("USD 20.00 per MONTHLY from 2007-01-01");
  }

  @Test
  void annualPriceIsPerYear() {
    Price p = Price.of(LocalDate.of(2024, 1, 1), Money.parse("USD 240.00"), BillingCycle.ANNUAL);

    assertThat(p.per()).isEqualTo(BillingCycle.ANNUAL);
    assertThat(p).isEqualTo(Price.of(LocalDate.of(2024, 1, 1), Money.parse("USD 240.00"), BillingCycle.ANNUAL));
    assertThat(p).hasSameHashCodeAs(Price.of(LocalDate.of(2024, 1, 1), Money.parse("USD 240.00"), BillingCycle.ANNUAL));
    assertThat(p).isNotEqualTo(Price.of(LocalDate.of(2024, 1, 1), Money.parse("USD 240.00"), BillingCycle.MONTHLY));
  }

  @Test
  void aFreePriceIsAllowed() {
    assertThat(Price.monthly(JAN_1_2007, Money.parse("USD 0.00")).amount().isZero()).isTrue();
  }

  @Test
  void rejectsANegativeAmountNamingIt() {
    assertThatThrownBy(() -> Price.monthly(JAN_1_2007, Money.parse("USD -0.01")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("price.amount");
          assertThat(e.getMessage()).isEqualTo("price.amount must not be negative: USD -0.01");
        });
  }

  @Test
  void rejectsMissingPartsNamingThem() {
    Money m = Money.parse("USD 20.00");
    assertThatThrownBy(() -> Price.monthly(null, m)).hasMessage("price.effectiveFrom is required: null");
    assertThatThrownBy(() -> Price.monthly(JAN_1_2007, null)).hasMessage("price.amount is required: null");
    assertThatThrownBy(() -> Price.of(JAN_1_2007, m, null)).hasMessage("price.per is required: null");
  }
}
