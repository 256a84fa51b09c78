package dev.amends.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class PriceScheduleTest {
  private static final Price USD_20_FROM_2007 = Price.monthly(LocalDate.of(2007, 1, 1), Money.parse("USD 20.00"));
  private static final Price USD_25_FROM_MID_DEC_2007 =
      Price.monthly(LocalDate.of(2007, 12, 15), Money.parse("USD 25.00"));
  private static final Price USD_30_FROM_2008 = Price.monthly(LocalDate.of(2008, 1, 1), Money.parse("USD 30.00"));

  @Test
  void sortsPricesByDate() {
    PriceSchedule s = PriceSchedule.of(List.of(USD_30_FROM_2008, USD_20_FROM_2007, USD_25_FROM_MID_DEC_2007));

    assertThat(s.prices()).containsExactly(USD_20_FROM_2007, USD_25_FROM_MID_DEC_2007, USD_30_FROM_2008);
    assertThat(s.currency()).isEqualTo(CurrencyUnit.USD);
  }

  @Test
  void priceOnPicksTheLatestEffectiveOnOrBeforeTheDate() {
    PriceSchedule s = PriceSchedule.of(List.of(USD_30_FROM_2008, USD_20_FROM_2007, USD_25_FROM_MID_DEC_2007));

    assertThat(s.priceOn(LocalDate.of(2007, 6, 1))).contains(USD_20_FROM_2007);
    assertThat(s.priceOn(LocalDate.of(2007, 12, 14))).contains(USD_20_FROM_2007);
    // A price applies from its own date on.
    assertThat(s.priceOn(LocalDate.of(2007, 12, 15))).contains(USD_25_FROM_MID_DEC_2007);
    assertThat(s.priceOn(LocalDate.of(2007, 12, 31))).contains(USD_25_FROM_MID_DEC_2007);
    assertThat(s.priceOn(LocalDate.of(2008, 1, 1))).contains(USD_30_FROM_2008);
    assertThat(s.priceOn(LocalDate.of(2030, 1, 1))).contains(USD_30_FROM_2008);
  }

  @Test
  void noPriceIsInForceBeforeTheFirst() {
    assertThat(PriceSchedule.of(USD_20_FROM_2007).priceOn(LocalDate.of(2006, 12, 31))).isEmpty();
  }

  @Test
  void aMonthlyScheduleHasAlwaysApplied() {
    PriceSchedule s = PriceSchedule.monthly(Money.parse("USD 20.00"));

    assertThat(s.priceOn(LocalDate.of(1900, 1, 1))).map(Price::amount).contains(Money.parse("USD 20.00"));
  }

  @Test
  void rejectsTwoPricesOnTheSameDateNamingTheSecond() {
    Price alsoFrom2008 = Price.monthly(LocalDate.of(2008, 1, 1), Money.parse("USD 35.00"));

    // The field is the index in the list as given: the duplicate is prices[1], not its sorted place.
    assertThatThrownBy(() -> PriceSchedule.of(List.of(USD_30_FROM_2008, alsoFrom2008, USD_20_FROM_2007)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("prices[1].effectiveFrom");
          assertThat(e.getMessage()).isEqualTo("prices[1].effectiveFrom is shared by two prices: 2008-01-01");
        });
  }

  @Test
  void rejectsMixedCurrenciesNamingTheOddOneOut() {
    Price eur = Price.monthly(LocalDate.of(2008, 1, 1), Money.parse("EUR 30.00"));

    assertThatThrownBy(() -> PriceSchedule.of(List.of(USD_20_FROM_2007, eur)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("prices[1].amount");
          assertThat(e.getMessage()).isEqualTo("prices[1].amount must be in USD: EUR");
        });
    // Given out of date order, the message still points at the price as given.
    Price eurEarlier = Price.monthly(LocalDate.of(2006, 1, 1), Money.parse("EUR 15.00"));
    assertThatThrownBy(() -> PriceSchedule.of(List.of(USD_20_FROM_2007, eurEarlier)))
        .hasMessage("prices[1].amount must be in USD: EUR");
  }

  @Test
  void rejectsAnEmptyOrMissingListAndNullEntries() {
    assertThatThrownBy(() -> PriceSchedule.of(List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("prices must not be empty: []");
    assertThatThrownBy(() -> PriceSchedule.of((List<Price>) null)).hasMessage("prices is required: null");
    List<Price> withNull = new ArrayList<>();
    withNull.add(USD_20_FROM_2007);
    withNull.add(null);
    assertThatThrownBy(() -> PriceSchedule.of(withNull)).hasMessage("prices[1] is required: null");
  }

  @Test
  void equalsByPrices() {
    PriceSchedule a = PriceSchedule.of(List.of(USD_20_FROM_2007, USD_30_FROM_2008));
    PriceSchedule b = PriceSchedule.of(List.of(USD_30_FROM_2008, USD_20_FROM_2007));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(PriceSchedule.of(USD_20_FROM_2007));
    assertThat(a).hasToString("[USD 20.00 per MONTHLY from 2007-01-01, USD 30.00 per MONTHLY from 2008-01-01]");
  }

  @Test
  void doesNotShareTheCallersList() {
    List<Price> mine = new ArrayList<>(List.of(USD_20_FROM_2007));
    PriceSchedule s = PriceSchedule.of(mine);
    mine.add(USD_30_FROM_2008);

    assertThat(s.prices()).containsExactly(USD_20_FROM_2007);
  }
}
