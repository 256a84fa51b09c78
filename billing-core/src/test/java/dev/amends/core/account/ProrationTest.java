package dev.amends.core.account;

import static dev.amends.core.fixtures.Story2007.DEC_2007_EASTERN;
import static dev.amends.core.fixtures.Story2007.EASTERN;
import static dev.amends.core.fixtures.Story2007.USD_20_00;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.core.scope.Scope;
import java.math.RoundingMode;
import java.time.Instant;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked example in {@link Proration}'s Javadoc, for each convention. */
class ProrationTest {
  @ParameterizedTest(name = "{0}: share {1}/{2}, fee {3}/{4} → {5}")
  @CsvSource({
    // 25 Dec 2007 15:00 Eastern to 1 Jan 2008 00:00 is 6 days 9 hours = 153 h of 744 h;
    // 20 × 153/744 = 3060/744 = 255/62 = 4.112903…
    "BY_TIME, 153, 744, 255, 62, USD 4.11",
    // 25 … 31 December, the start day counting whole: 20 × 7/31 = 140/31 = 4.516129…
    "BY_DAY,    7,  31, 140, 31, USD 4.52",
    "NONE,      1,   1,  20,  1, USD 20.00",
  })
  void reducesTheFeeOfASubscriptionThatStartedOnChristmasAfternoon(
      Proration proration, long shareNum, long shareDen, long feeNum, long feeDen, String rounded) {
    Subscription s = Subscription.builder()
        .id("sub-xmas")
        .plan("grid")
        .prices(PriceSchedule.monthly(USD_20_00))
        .active(Instant.parse("2007-12-25T20:00:00Z"), Instant.MAX)
        .addPlacements(Scope.of("grid/cluster-2"))
        .build();
    Account a = Account.builder().id("acct-xmas").currency(CurrencyUnit.USD).zone(EASTERN).addSubscriptions(s).build();

    PeriodFee f = PeriodFee.of(a, s, DEC_2007_EASTERN, proration);

    assertThat(f.activeShare()).isEqualTo(Ratio.of(shareNum, shareDen));
    assertThat(f.fee()).isEqualTo(ExactMoney.of(CurrencyUnit.USD, Ratio.of(feeNum, feeDen)));
    assertThat(f.fee().rounded(Rounding.of(RoundingMode.HALF_UP))).isEqualTo(Money.parse(rounded));
  }
}
