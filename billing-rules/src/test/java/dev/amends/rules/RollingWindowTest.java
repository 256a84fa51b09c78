package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Denominator;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * {@link MeasurementWindow.RollingDays}: availability over the 365 days before the claim's date,
 * credited in the month of the latest downtime, as the 2008 Amazon EC2 SLA's "Service Year" and
 * "Eligible Credit Period". A claim filed on 10 January 2009 measures [2008-01-11, 2009-01-10):
 * 365 days, 525,600 minutes. The account pays USD 20.00 a month; below 99.95 % it gets 10 % of
 * that month's fee, USD 2.00.
 */
class RollingWindowTest {
  static final RuleNode TIERS = Rules.availabilityTiers("tiers", Tier.range("0", "99.95", "10"));
  static final BillingPeriod JUNE_2008 = BillingPeriod.month(YearMonth.of(2008, 6), ZoneOffset.UTC);
  static final BillingPeriod NOV_2008 = BillingPeriod.month(YearMonth.of(2008, 11), ZoneOffset.UTC);
  static final BillingPeriod DEC_2008 = BillingPeriod.month(YearMonth.of(2008, 12), ZoneOffset.UTC);
  static final BillingPeriod JAN_2009 = BillingPeriod.month(YearMonth.of(2009, 1), ZoneOffset.UTC);
  /** 200 minutes down on 5 June 2008. */
  static final Outage JUNE = outage("JUN-2008", "2008-06-05T10:00:00Z", Duration.ofMinutes(200));
  /** 100 minutes down on 20 December 2008. */
  static final Outage DECEMBER = outage("DEC-2008", "2008-12-20T10:00:00Z", Duration.ofMinutes(100));
  static final Claim CLAIM_JAN_10 = Claim.builder().id("CLM-1").filedAt(Instant.parse("2009-01-10T15:00:00Z"))
      .build();

  static Policy rolling(Denominator denominator) {
    return policyBuilder("ec2", TIERS, HALF_UP).measurementWindow(MeasurementWindow.rollingDays(365))
        .measurementRules(MeasurementRules.builder().denominator(denominator).build()).build();
  }

  static CreditDecision decide(Policy policy, Account account, BillingPeriod period, List<IssuedCredit> earlier,
      Claim claim, Outage... outages) {
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(policy))
        .outages(OutageLog.of(List.of(outages))).traces(true).build();
    return engine.decide(DecisionRequest.builder().account(account).period(period).addClaims(claim)
        .issuedEarlier(earlier).build());
  }

  static CreditDecision decide(BillingPeriod period, Outage... outages) {
    return decide(rolling(Denominator.WHOLE_PERIOD), ACCOUNT_USD_20, period, List.of(), CLAIM_JAN_10, outages);
  }

  @Test
  void aClaimMeasuresTheYearBeforeItsDateAndCreditsTheMonthOfTheLatestDowntime() {
    // 200 + 100 = 300 of 525,600 minutes: 525,300 / 525,600 = 99.9429 % < 99.95 -> 10 % of December's USD 20.00
    CreditDecision d = decide(DEC_2008, JUNE, DECEMBER);

    assertThat(d.lines()).singleElement().satisfies(l -> {
      assertThat(l.amount()).isEqualTo(usd("2.00"));
      assertThat(l.period()).isEqualTo(DEC_2008);
      assertThat(l.outageIds()).containsExactly("JUN-2008", "DEC-2008");
      assertThat(l.reason()).contains("99.9429");
    });
    assertThat(d.traces()).singleElement().satisfies(t -> {
      assertThat(t.measurement().orElseThrow().period().label()).isEqualTo("2008-01-11/2009-01-10");
      assertThat(t.fee().orElseThrow().period()).isEqualTo(DEC_2008);
    });
  }

  @Test
  void theOtherMonthsGiveNothingAndNameTheMonthCredited() {
    for (BillingPeriod month : List.of(NOV_2008, JAN_2009)) {
      CreditDecision d = decide(month, JUNE, DECEMBER);

      assertThat(d.lines()).as(month.label()).isEmpty();
      assertThat(d.traces()).singleElement().satisfies(t -> {
        assertThat(t.root().verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(t.root().summary()).contains("365 days before the date of the subscription's claim",
            "the latest downtime counted in 2008-01-11/2009-01-10 lies in 2008-12");
      });
    }
  }

  @Test
  void withoutAClaimNothingIsMeasuredOrCredited() {
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(rolling(Denominator.WHOLE_PERIOD)))
        .outages(OutageLog.of(List.of(JUNE, DECEMBER))).traces(true).build();

    CreditDecision d = engine.decide(ACCOUNT_USD_20, DEC_2008);

    assertThat(d.lines()).isEmpty();
    assertThat(d.traces()).singleElement().satisfies(t ->
        assertThat(t.root().summary()).contains("no claim covers it"));
  }

  @Test
  void theThresholdIsExactAtTheBoundary() {
    // 0.05 % of 525,600 minutes is 262.8 minutes = 262 min 48 s: exactly 99.95 % is met, one second more is not
    Outage atBoundary = outage("DEC-A", "2008-12-20T10:00:00Z", Duration.ofSeconds(262 * 60 + 48));
    Outage oneSecondMore = outage("DEC-B", "2008-12-20T10:00:00Z", Duration.ofSeconds(262 * 60 + 49));

    assertThat(decide(DEC_2008, atBoundary).lines()).isEmpty();
    assertThat(decide(DEC_2008, oneSecondMore).lines()).extracting(CreditLine::amount)
        .containsExactly(usd("2.00"));
  }

  @Test
  void daysBeforeFirstUseCountAsAvailableOverTheWholeWindow() {
    // first used on 1 December 2008; 200 minutes down on 20 December.
    // Whole window: 200 of 525,600 minutes = 99.9619 % >= 99.95: no credit.
    // Only the active part, 1 December to 10 January = 40 days = 57,600 minutes: 57,400 / 57,600 = 99.6528 %
    // < 99.95 -> USD 2.00: what the default denominator would give, and the SLA does not.
    Subscription fromDecember = Subscription.builder().from(ACCOUNT_USD_20.subscriptions().get(0))
        .active(Instant.parse("2008-12-01T00:00:00Z"), Instant.MAX).build();
    Account newcomer = Account.builder().from(ACCOUNT_USD_20).subscriptions(List.of(fromDecember)).build();
    Outage december200 = outage("DEC-200", "2008-12-20T10:00:00Z", Duration.ofMinutes(200));

    assertThat(decide(rolling(Denominator.WHOLE_PERIOD), newcomer, DEC_2008, List.of(), CLAIM_JAN_10, december200)
        .lines()).isEmpty();
    assertThat(decide(rolling(Denominator.ACTIVE_PART), newcomer, DEC_2008, List.of(), CLAIM_JAN_10, december200)
        .lines()).extracting(CreditLine::amount).containsExactly(usd("2.00"));
  }

  @Test
  void downtimeAnEarlierCreditRestsOnIsNotClaimedAgain() {
    // June alone, claimed on 3 July 2008 over [2007-07-04, 2008-07-03) (365 days, 2008 is a leap year):
    // 200 of 525,600 minutes = 99.9619 %: no credit. So June needs more: 300 minutes, 99.9429 % -> USD 2.00 for June
    Outage june300 = outage("JUN-300", "2008-06-05T10:00:00Z", Duration.ofMinutes(300));
    Claim july = Claim.builder().id("CLM-0").filedAt(Instant.parse("2008-07-03T09:00:00Z")).build();
    Policy policy = rolling(Denominator.WHOLE_PERIOD);
    CreditDecision june = decide(policy, ACCOUNT_USD_20, JUNE_2008, List.of(), july, june300, DECEMBER);
    assertThat(june.lines()).extracting(CreditLine::amount).containsExactly(usd("2.00"));
    IssuedCredit issuedInJune = IssuedCredit.of(june.lines().get(0));

    // December, claimed on 10 January 2009: with June's 300 minutes, 400 of 525,600 = 99.9239 % -> USD 2.00;
    // without them (June's credit rests on JUN-300), 100 of 525,600 = 99.9810 %: no credit
    assertThat(decide(policy, ACCOUNT_USD_20, DEC_2008, List.of(), CLAIM_JAN_10, june300, DECEMBER).lines())
        .extracting(CreditLine::amount).containsExactly(usd("2.00"));
    CreditDecision again = decide(policy, ACCOUNT_USD_20, DEC_2008, List.of(issuedInJune), CLAIM_JAN_10, june300,
        DECEMBER);

    assertThat(again.lines()).isEmpty();
    assertThat(again.warnings()).anySatisfy(w -> assertThat(w).contains("JUN-300", "not counted again", "sub-1"));
  }

  @Test
  void anEarlierCreditOfAnotherPolicyOrSubscriptionLeavesTheWindowWhole() {
    Outage june300 = outage("JUN-300", "2008-06-05T10:00:00Z", Duration.ofMinutes(300));
    IssuedCredit otherPolicy = new IssuedCredit("cr-other", usd("2.00"), "other", "sub-1", "tiers", Optional.empty(),
        List.of("JUN-300"));
    IssuedCredit otherSubscription = new IssuedCredit("cr-other-sub", usd("2.00"), "ec2", "sub-2", "tiers",
        Optional.empty(), List.of("JUN-300"));

    // 400 of 525,600 minutes = 99.9239 % -> USD 2.00, as if nothing had been issued
    assertThat(decide(rolling(Denominator.WHOLE_PERIOD), ACCOUNT_USD_20, DEC_2008,
        List.of(otherPolicy, otherSubscription), CLAIM_JAN_10, june300, DECEMBER).lines())
        .extracting(CreditLine::amount).containsExactly(usd("2.00"));
  }

  @Test
  void aCreditOfThisPeriodGivenAsEarlierIsRefused() {
    CreditLine december = decide(DEC_2008, JUNE, DECEMBER).lines().get(0);

    assertThatThrownBy(() -> decide(rolling(Denominator.WHOLE_PERIOD), ACCOUNT_USD_20, DEC_2008,
        List.of(IssuedCredit.of(december)), CLAIM_JAN_10, JUNE, DECEMBER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("request.issuedEarlier[0].key")
        .hasMessageContaining("belongs in request.issued");
  }

  @Test
  void anIssuedCreditKeepsTheOutagesOfItsLineAndOldRecordsHaveNone() {
    CreditLine december = decide(DEC_2008, JUNE, DECEMBER).lines().get(0);

    assertThat(IssuedCredit.of(december).outageIds()).containsExactly("JUN-2008", "DEC-2008");
    assertThat(new IssuedCredit("k", usd("1.00"), "p", "s", "r").outageIds()).isEmpty();
    assertThatThrownBy(() -> new IssuedCredit("k", usd("1.00"), "p", "s", "r", Optional.empty(), List.of(" ")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("issued.outageIds[0]");
  }

  @Test
  void theWindowLengthIsChecked() {
    assertThat(MeasurementWindow.rollingDays(1)).isEqualTo(new MeasurementWindow.RollingDays(1));
    assertThat(MeasurementWindow.rollingDays(3660)).isEqualTo(new MeasurementWindow.RollingDays(3660));
    for (int days : new int[] {0, -1, 3661}) {
      assertThatThrownBy(() -> MeasurementWindow.rollingDays(days)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("measurementWindow.days").hasMessageContaining("1 to 3660");
    }
  }

  /**
   * Whatever the outages of the year, at most one month is credited under the claim, and it is the
   * month holding the latest downtime: deciding every month from January 2008 to January 2009
   * never pays twice for one Service Year.
   */
  @Property(tries = 25)
  void atMostTheMonthOfTheLatestDowntimeIsCredited(
      @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 364 * 24 - 1) Integer> startHours,
      @ForAll @IntRange(min = 1, max = 400) int minutes) {
    Instant windowStart = Instant.parse("2008-01-11T00:00:00Z");
    List<Outage> outages = new ArrayList<>();
    Instant latest = Instant.MIN;
    for (int i = 0; i < startHours.size(); i++) {
      Instant start = windowStart.plus(Duration.ofHours(startHours.get(i)));
      outages.add(outage("O-" + i, start.toString(), Duration.ofMinutes(minutes)));
      latest = start.plus(Duration.ofMinutes(minutes)).isAfter(latest) ? start.plus(Duration.ofMinutes(minutes)) : latest;
    }
    YearMonth latestMonth = YearMonth.from(latest.minusNanos(1).atZone(ZoneOffset.UTC));
    List<YearMonth> credited = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2008, 1); !m.isAfter(YearMonth.of(2009, 1)); m = m.plusMonths(1)) {
      BillingPeriod period = BillingPeriod.month(m, ZoneOffset.UTC);
      if (!decide(period, outages.toArray(Outage[]::new)).lines().isEmpty()) {
        credited.add(m);
      }
    }

    assertThat(credited).hasSizeLessThanOrEqualTo(1);
    credited.forEach(m -> assertThat(m).isEqualTo(latestMonth));
  }
}
