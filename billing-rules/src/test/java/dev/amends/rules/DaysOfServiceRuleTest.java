package dev.amends.rules;

import static dev.amends.rules.LeafFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.DayCount;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Outage;
import dev.amends.core.time.BillingPeriod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Availability tiers mapped to days of service, as a term extension and valued by a day count. */
class DaysOfServiceRuleTest {
  static final Tier[] TABLE = {
      Tier.range("99.0", "99.9", "1"), Tier.range("95.0", "99.0", "3"), Tier.range("0", "95.0", "7")};
  /** October 2024 in New York: 31 days, 44,640 minutes; an extension past it crosses 3 November (25 hours). */
  static final BillingPeriod OCTOBER_2024_NY = BillingPeriod.month(YearMonth.of(2024, 10), NEW_YORK);
  static final CreditRule TERM_ONLY = Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY, TABLE);

  // June 2024 (New York): 43,200 min. 600 min down → 42,600 / 43,200 = 98.6111...% → 3 days.
  // July 2024 (New York): 44,640 min. 600 min down → 44,040 / 44,640 = 98.6559...% → 3 days.

  @Test
  void extendsTheTermWithoutMoney() {
    Outcome o = TERM_ONLY.evaluate(given(USD_20_00).downMinutes("600").context());

    assertThat(o.amount()).contains(ExactMoney.zero(USD));
    assertThat(o.days()).contains(Ratio.of(3));
    assertThat(o.reason()).isEqualTo("availability 98.6111 % < 99 % -> 3 days of service");
  }

  @ParameterizedTest(name = "3 days of USD 31.00 in July, {0}: {1} → {2}")
  @CsvSource({
      // 31.00 / 31 days = 1.00 a day × 3 = 3.00
      "ACTUAL,     3,         USD 3.00",
      // 31.00 / 30 = 1.0333... a day × 3 = 3.10
      "THIRTY,     31/10,     USD 3.10",
      // 31.00 × 12 / 365 = 1.01917... a day × 3 = 1,116 / 365 = 3.0575... → 3.06
      "ACTUAL_365, 1116/365,  USD 3.06"})
  void valuesTheDaysAtTheDayCountsDailyRate(DayCount dayCount, String exact, String rounded) {
    Outcome o = Rules.daysOfService("days", DaysValue.valuedAt(dayCount), TABLE)
        .evaluate(given(money("USD 31.00")).period(JULY_2024_NY).downMinutes("600").context());

    ExactMoney amount = o.amount().orElseThrow();
    assertThat(amount.amount()).isEqualTo(ratio(exact));
    assertThat(HALF_UP.round(amount)).isEqualTo(money(rounded));
    assertThat(o.days()).contains(Ratio.of(3));
  }

  @ParameterizedTest(name = "3 days of {0} in June (actual) = {1} → {2} half-up, {3} half-even")
  @CsvSource({
      // USD 0.25 / 30 × 3 = 0.025 → 0.03 half-up, 0.02 half-even
      "USD 0.25,  0.025,  USD 0.03,  USD 0.02",
      // JPY 1,005 / 30 × 3 = 100.5 → 101 half-up, 100 half-even
      "JPY 1005,  100.5,  JPY 101,   JPY 100",
      // BHD 0.125 / 30 × 3 = 0.0125 → 0.013 half-up, 0.012 half-even
      "BHD 0.125, 0.0125, BHD 0.013, BHD 0.012"})
  void roundsTheValueOnceAtTheCurrencysScale(String fee, String exact, String halfUp, String halfEven) {
    ExactMoney amount = Rules.daysOfService("days", DaysValue.valuedAt(DayCount.ACTUAL), TABLE)
        .evaluate(given(money(fee)).downMinutes("600").context()).amount().orElseThrow();

    assertThat(amount.amount()).isEqualTo(Ratio.of(new BigDecimal(exact)));
    assertThat(HALF_UP.round(amount)).isEqualTo(money(halfUp));
    assertThat(HALF_EVEN.round(amount)).isEqualTo(money(halfEven));
  }

  @Test
  void valuesAtTheFullFeeEvenForAPartialPeriod() {
    // Active from 16 June: the fee is USD 10.00, but a day of service is worth 20.00 / 30;
    // 3 days = 2.00 (the rule values days of the full fee). 600 min down of the period → 3 days.
    var ctx = given(USD_20_00).active(Instant.parse("2024-06-16T04:00:00Z"), Instant.MAX)
        .downMinutes("600").context();

    assertThat(Rules.daysOfService("days", DaysValue.valuedAt(DayCount.ACTUAL), TABLE).evaluate(ctx).amount())
        .contains(ExactMoney.of(money("USD 2.00")));
  }

  @Test
  void givesNoDaysAtExactlyTheThreshold() {
    // 43.2 min down: exactly 99.9 %.
    Outcome o = TERM_ONLY.evaluate(given(USD_20_00).downMinutes("43.2").context());

    assertThat(o.isCredit()).isFalse();
    assertThat(o.days()).isEmpty();
  }

  @Test
  void flagsAnAvailabilityOnABoundaryNeitherNeighbourIncludes() {
    CreditRule rule = Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY,
        Tier.range("95", "99", "3"), Tier.of("99", false, "99.9", false, "1"));
    // 432 min: exactly 99 %.
    Outcome o = rule.evaluate(given(USD_20_00).downMinutes("432").context());

    assertThat(o.isCredit()).isFalse();
    assertThat(o.flags()).containsExactly(DecisionFlag.AMBIGUOUS_BOUNDARY);
  }

  @Test
  void issuesATermExtensionLineThroughTheEngine() {
    // A 600 min outage in June: 3 days, amount USD 0.00, kept because it carries days.
    var outage = outage("INC-1", Instant.parse("2024-06-14T14:00:00Z"), Instant.parse("2024-06-15T00:00:00Z"));

    CreditDecision d = engineFor(onePolicy(TERM_ONLY, HALF_UP), outage)
        .decide(given(USD_20_00).account(), JUNE_2024_NY);

    assertThat(d.lines()).singleElement().satisfies(l -> {
      assertThat(l.amount()).isEqualTo(money("USD 0.00"));
      assertThat(l.days()).contains(Ratio.of(3));
    });
  }

  @Test
  void reRunThatNowGivesMoreDaysTopsUpTheDaysAlone() {
    // Issued: 3 days for a 600 min outage in June (98.6111 %). The corrected record says
    // 2,400 min: 40,800 / 43,200 = 94.4444 % < 95 % → 7 days. Owed now: 7 - 3 = 4 more days.
    var account = given(USD_20_00).account();
    CreditLine first = engineFor(onePolicy(TERM_ONLY, HALF_UP), tenHoursFrom("2024-06-14"))
        .decide(account, JUNE_2024_NY).lines().get(0);
    var corrected = outage("INC-1", Instant.parse("2024-06-14T14:00:00Z"), Instant.parse("2024-06-16T06:00:00Z"));

    CreditDecision again = engineFor(onePolicy(TERM_ONLY, HALF_UP), corrected).decide(DecisionRequest.builder()
        .account(account).period(JUNE_2024_NY).addIssued(IssuedCredit.of(first)).build());

    assertThat(first.days()).contains(Ratio.of(3));
    assertThat(again.lines()).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo(CreditLine.Kind.TOP_UP);
      assertThat(l.amount()).isEqualTo(money("USD 0.00"));
      assertThat(l.days()).contains(Ratio.of(4));
      assertThat(l.key()).isEqualTo(first.key() + "/top_up-after-0-3d");
      // Paid through 1 July 00:00 New York + 7 days = 8 July 00:00 (04:00Z).
      assertThat(l.extendsTermTo()).contains(Instant.parse("2024-07-08T04:00:00Z"));
      assertThat(l.reason()).startsWith("top-up: now USD 0.00 and 7 days, issued USD 0.00 and 3 days");
    });
  }

  @Test
  void reRunWithTheSameDaysIssuesNothing() {
    var account = given(USD_20_00).account();
    CreditEngine engine = engineFor(onePolicy(TERM_ONLY, HALF_UP), tenHoursFrom("2024-06-14"));
    CreditLine first = engine.decide(account, JUNE_2024_NY).lines().get(0);

    CreditDecision again = engine.decide(DecisionRequest.builder()
        .account(account).period(JUNE_2024_NY).addIssued(IssuedCredit.of(first)).build());

    assertThat(again.lines()).isEmpty();
    assertThat(again.flags()).isEmpty();
  }

  @Test
  void reRunThatNowGivesFewerDaysIsFlaggedWithoutAClawbackPolicy() {
    // Issued 3 days; the outage is withdrawn, so nothing is owed now.
    var account = given(USD_20_00).account();
    CreditLine first = engineFor(onePolicy(TERM_ONLY, HALF_UP), tenHoursFrom("2024-06-14"))
        .decide(account, JUNE_2024_NY).lines().get(0);

    CreditDecision again = engineFor(onePolicy(TERM_ONLY, HALF_UP)).decide(DecisionRequest.builder()
        .account(account).period(JUNE_2024_NY).addIssued(IssuedCredit.of(first)).build());

    assertThat(again.lines()).isEmpty();
    assertThat(again.flags()).contains(DecisionFlag.OVERPAID_NO_CLAWBACK);
    assertThat(again.warnings()).anySatisfy(w -> assertThat(w).contains("issued USD 0.00 and 3 days is no longer owed"));
  }

  // ---- the new term end ----

  /** A 600 min outage in the period starting on {@code day} at 14:00 UTC. */
  static Outage tenHoursFrom(String day) {
    Instant start = Instant.parse(day + "T14:00:00Z");
    return outage("INC-1", start, start.plus(Duration.ofMinutes(600)));
  }

  static CreditLine onlyLine(CreditRule rule, LeafFixtures.Given given, BillingPeriod period, String outageDay) {
    return engineFor(onePolicy(rule, HALF_UP), tenHoursFrom(outageDay)).decide(given.account(), period)
        .lines().get(0);
  }

  @Test
  void extendsAnOpenEndedTermFromTheEndOfTheBillingPeriod() {
    // Paid through the end of June: 1 July 00:00 New York (04:00Z); + 3 days = 4 July 00:00 (04:00Z).
    CreditLine l = onlyLine(TERM_ONLY, given(USD_20_00), JUNE_2024_NY, "2024-06-14");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2024-07-04T04:00:00Z"));
    assertThat(l.reason()).isEqualTo("availability 98.6111 % < 99 % -> 3 days of service; "
        + "term extended by 3 days from 2024-07-01T00:00-04:00 to 2024-07-04T00:00-04:00 (America/New_York)");
  }

  @Test
  void extendsATermEndingInsideThePeriodFromItsEnd() {
    // Active until 21 June 00:00 New York (04:00Z): 20 days = 28,800 min; 600 down → 28,200 / 28,800
    // = 97.9166...% → 3 days, from 21 June 00:00 to 24 June 00:00 New York (04:00Z).
    CreditLine l = onlyLine(TERM_ONLY,
        given(USD_20_00).active(Instant.parse("2020-01-01T05:00:00Z"), Instant.parse("2024-06-21T04:00:00Z")),
        JUNE_2024_NY, "2024-06-14");

    assertThat(l.days()).contains(Ratio.of(3));
    assertThat(l.extendsTermTo()).contains(Instant.parse("2024-06-24T04:00:00Z"));
  }

  @Test
  void extendsByLocalDaysAcrossADaylightSavingChange() {
    // October 2024 in New York ends 1 November 00:00 EDT (04:00Z). 600 min of 44,640 → 98.6559...%
    // → 3 days. 3 local days later is 4 November 00:00 EST (05:00Z): 73 hours, as 3 November has 25.
    CreditLine l = onlyLine(TERM_ONLY, given(USD_20_00), OCTOBER_2024_NY, "2024-10-14");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2024-11-04T05:00:00Z"));
    assertThat(l.reason()).endsWith("term extended by 3 days from 2024-11-01T00:00-04:00 to 2024-11-04T00:00-05:00 "
        + "(America/New_York)");
  }

  @Test
  void aFractionOfADayIsThatShareOfTheNextLocalDay() {
    // 1.5 days from 1 July 00:00 EDT: 2 July 00:00 + 12 h of a 24 h day = 2 July 12:00 EDT (16:00Z).
    CreditRule halves = Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY, Tier.range("0", "99.9", "1.5"));

    CreditLine l = onlyLine(halves, given(USD_20_00), JUNE_2024_NY, "2024-06-14");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2024-07-02T16:00:00Z"));
    assertThat(l.reason()).endsWith("term extended by 1.5 days from 2024-07-01T00:00-04:00 to "
        + "2024-07-02T12:00-04:00 (America/New_York)");
  }

  @Test
  void aFractionOfTheDaylightSavingDayIsAShareOfItsTwentyFiveHours() {
    // 2.5 days from 1 November 00:00 EDT: 3 November 00:00 EDT (04:00Z), then half of that 25 h day,
    // 12 h 30 min → 3 November 16:30Z (11:30 EST).
    CreditRule halves = Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY, Tier.range("0", "99.9", "2.5"));

    CreditLine l = onlyLine(halves, given(USD_20_00), OCTOBER_2024_NY, "2024-10-14");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2024-11-03T16:30:00Z"));
  }

  @Test
  void aFractionThatIsNotAWholeSecondIsRoundedUpToTheSecond() {
    // About 1/7 of a day, at the 12 decimals a policy allows: 0.142857142857 × 86,400 s
    // = 12,342.857142844... s → 12,343 s = 3 h 25 min 43 s after 1 July 00:00 EDT.
    CreditRule seventh = Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY,
        Tier.range("0", "99.9", "0.142857142857"));
    CreditLine l = onlyLine(seventh, given(USD_20_00), JUNE_2024_NY, "2024-06-14");

    assertThat(l.extendsTermTo()).contains(Instant.parse("2024-07-01T07:25:43Z"));
  }

  @Test
  void daysValuedAsMoneyAlsoExtendTheTerm() {
    // 3 days of USD 20.00 in June at ACTUAL: 20.00 / 30 × 3 = 2.00.
    CreditLine l = onlyLine(Rules.daysOfService("days", DaysValue.valuedAt(DayCount.ACTUAL), TABLE),
        given(USD_20_00), JUNE_2024_NY, "2024-06-14");

    assertThat(l.amount()).isEqualTo(money("USD 2.00"));
    assertThat(l.extendsTermTo()).contains(Instant.parse("2024-07-04T04:00:00Z"));
  }

  @Test
  void aLineWithoutDaysExtendsNoTerm() {
    CreditLine l = onlyLine(Rules.percentOfFee("pct", new BigDecimal("10")), given(USD_20_00), JUNE_2024_NY,
        "2024-06-14");

    assertThat(l.days()).isEmpty();
    assertThat(l.extendsTermTo()).isEmpty();
  }

  @Test
  void aDayCapCutProRataExtendsTheTermByTheDaysLeft() {
    // 3 days capped at 2 days of service: the line keeps 2 days → 1 July 00:00 + 2 days = 3 July 04:00Z.
    RuleNode capped = Rules.cap("cap", CapLimit.days(new BigDecimal("2"), DayCount.ACTUAL), Rules.CapScope.PER_PERIOD,
        Rules.Spread.PRO_RATA, Rules.daysOfService("days", DaysValue.valuedAt(DayCount.ACTUAL), TABLE));

    CreditDecision d = engineFor(onePolicy(capped, HALF_UP), tenHoursFrom("2024-06-14"))
        .decide(given(USD_20_00).account(), JUNE_2024_NY);

    assertThat(d.lines()).singleElement().satisfies(l -> {
      assertThat(l.days()).contains(Ratio.of(2));
      assertThat(l.extendsTermTo()).contains(Instant.parse("2024-07-03T04:00:00Z"));
    });
  }

  @Test
  void severalLinesWithDaysAddUpInLineOrder() {
    // 3 days from the tiers, then 1 goodwill day: 1 July 00:00 → 4 July 00:00 → 5 July 00:00 New York.
    RuleNode both = Rules.sum("both", TERM_ONLY,
        Rules.daysOfService("bonus", DaysValue.TERM_EXTENSION_ONLY, Tier.range("0", "99.9", "1")));

    CreditDecision d = engineFor(onePolicy(both, HALF_UP), tenHoursFrom("2024-06-14"))
        .decide(given(USD_20_00).account(), JUNE_2024_NY);

    assertThat(d.lines()).hasSize(2);
    assertThat(d.lines().get(0).extendsTermTo()).contains(Instant.parse("2024-07-04T04:00:00Z"));
    assertThat(d.lines().get(1).extendsTermTo()).contains(Instant.parse("2024-07-05T04:00:00Z"));
    assertThat(d.lines().get(1).reason()).endsWith("term extended by 1 day from 2024-07-04T00:00-04:00 to "
        + "2024-07-05T00:00-04:00 (America/New_York)");
    assertThat(d.explain()).contains("term extended by 3 days from 2024-07-01T00:00-04:00 to 2024-07-04T00:00-04:00");
  }

  @Test
  void termOnlyAndValuedRulesHaveDifferentCanonicalForms() {
    assertThat(TERM_ONLY.canonical()).endsWith(",\"value\":{\"type\":\"days-value\",\"dayCount\":null}}");
    assertThat(Rules.daysOfService("days", DaysValue.valuedAt(DayCount.THIRTY), TABLE).canonical())
        .endsWith(",\"value\":{\"type\":\"days-value\",\"dayCount\":\"THIRTY\"}}");
    assertThat(DaysValue.valuedAt(DayCount.ACTUAL)).isEqualTo(DaysValue.valuedAt(DayCount.ACTUAL))
        .isNotEqualTo(DaysValue.TERM_EXTENSION_ONLY);
    assertThat(DaysValue.TERM_EXTENSION_ONLY.dayCount()).isEmpty();
  }

  static Ratio ratio(String text) {
    String[] parts = text.split("/");
    return parts.length == 1 ? Ratio.of(new BigDecimal(parts[0]))
        : Ratio.of(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()));
  }
}
