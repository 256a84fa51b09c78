package dev.amends.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** How scenario and assertion texts read: instants, local times in a zone, money. */
class TextsTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void instantsReadWithZOffsetLocalTimeOrDate() {
    assertThat(Texts.instant("f", "2007-12-01T05:00:00Z", NEW_YORK)).isEqualTo(Instant.parse("2007-12-01T05:00:00Z"));
    assertThat(Texts.instant("f", "2007-12-01T00:00-05:00", NEW_YORK)).isEqualTo(Instant.parse("2007-12-01T05:00:00Z"));
    assertThat(Texts.instant("f", "2007-12-01T00:00+01:00", NEW_YORK)).isEqualTo(Instant.parse("2007-11-30T23:00:00Z"));
    // local: 00:00 Eastern Standard Time is 05:00 UTC; a date is its start
    assertThat(Texts.instant("f", "2007-12-01T00:00", NEW_YORK)).isEqualTo(Instant.parse("2007-12-01T05:00:00Z"));
    assertThat(Texts.instant("f", "2007-12-01", NEW_YORK)).isEqualTo(Instant.parse("2007-12-01T05:00:00Z"));
    // in summer, Eastern Daylight Time: 04:00 UTC
    assertThat(Texts.instant("f", "2024-07-01T00:00", NEW_YORK)).isEqualTo(Instant.parse("2024-07-01T04:00:00Z"));
    assertThat(Texts.instant("f", "2024-07-01T00:00:30.5", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2024-07-01T00:00:00Z").plus(Duration.ofMillis(30_500)));
  }

  @Test
  void aLocalTimeRepeatedByTheClocksGoingBackIsRefused() {
    // 3 November 2024, 01:30 happens twice in New York
    assertThatThrownBy(() -> Texts.instant("scenario.outages[O].from", "2024-11-03T01:30", NEW_YORK))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scenario.outages[O].from is repeated by a daylight-saving change in America/New_York; "
            + "write it with an offset");
    assertThat(Texts.instant("f", "2024-11-03T01:30-04:00", NEW_YORK)).isEqualTo(Instant.parse("2024-11-03T05:30:00Z"));
  }

  @Test
  void moneyReadsWithOrWithoutItsCurrency() {
    assertThat(Texts.money("f", "USD 20.00", null)).isEqualTo(Money.parse("USD 20.00"));
    assertThat(Texts.money("f", "20", CurrencyUnit.USD)).isEqualTo(Money.parse("USD 20.00"));
    assertThat(Texts.money("f", "JPY 1005", null)).isEqualTo(Money.parse("JPY 1005"));
    assertThatThrownBy(() -> Texts.money("f", "JPY 1005.5", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("f is not money such as \"USD 20.00\"");
  }
}
