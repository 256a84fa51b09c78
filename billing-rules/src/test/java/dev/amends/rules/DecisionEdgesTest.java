package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.outage.Outage;
import dev.amends.core.measure.TelemetryRules;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Single decisions at the edges of the pipeline: zero days, traced breakdowns, rolling windows and claims. */
class DecisionEdgesTest {
  @Test
  void zeroDaysOfServiceExtendNoTerm() {
    CreditDecision d = decide(Fixed.credit("flat", "2.00").withDays("0"));

    assertThat(d.lines()).singleElement().satisfies(l -> {
      assertThat(l.amount()).isEqualTo(usd("2.00"));
      assertThat(l.extendsTermTo()).isEmpty();
      assertThat(l.reason()).doesNotContain("term extended");
    });
  }

  @Test
  void nothingAndZeroDaysIsNoCreditAndNoWarning() {
    CreditDecision d = CreditEngine.builder().policies(PolicyBook.of(policy("p", Fixed.credit("flat", "0").withDays("0"))))
        .traces(true).build().decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(d.lines()).isEmpty();
    assertThat(d.warnings()).isEmpty();
    assertThat(d.trace("sub-1", "p").orElseThrow().root().verdict()).isEqualTo(Verdict.ZERO);
  }

  @Test
  void aTracedMeasurementListsEachOutage() {
    CreditDecision d = CreditEngine.builder().policies(PolicyBook.of(policy("p", Rules.flatAmount("flat", usd("1.00")))))
        .outages(OutageLog.of(List.of(OUT_1, OUT_2))).traces(true).build().decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(d.trace("sub-1", "p").orElseThrow().measurement().orElseThrow().breakdown())
        .extracting(b -> b.outageId()).containsExactly("OUT-1", "OUT-2");
  }

  static final BillingPeriod DEC_2008 = BillingPeriod.month(YearMonth.of(2008, 12), ZoneOffset.UTC);
  /** 200 minutes down on 5 June 2008. */
  static final Outage JUNE = outage("JUN-2008", "2008-06-05T10:00:00Z", Duration.ofMinutes(200));
  /** 300 minutes down on 20 December 2008. */
  static final Outage DECEMBER = outage("DEC-2008", "2008-12-20T10:00:00Z", Duration.ofMinutes(300));

  static CreditEngine rolling(Outage... outages) {
    Policy p = policyBuilder("ec2", Rules.availabilityTiers("tiers", Tier.range("0", "99.95", "10")), HALF_UP)
        .measurementWindow(MeasurementWindow.rollingDays(365)).build();
    return CreditEngine.builder().policies(PolicyBook.of(p)).outages(OutageLog.of(List.of(outages))).build();
  }

  static Claim claim(String id, String filedAt, String sub) {
    return Claim.builder().id(id).filedAt(Instant.parse(filedAt)).subscriptionId(Optional.ofNullable(sub)).build();
  }

  @Test
  void downtimeNoEarlierCreditRestsOnIsStillCounted() {
    // a June credit rests on JUN-2008; DEC-2008 alone, 300 of 525,600 minutes, is below 99.95 %
    // (99.9429 %): 10 % of December's USD 20.00 = USD 2.00
    IssuedCredit june = new IssuedCredit("cr-june", usd("2.00"), "ec2", "sub-1", "tiers", Optional.empty(),
        List.of("JUN-2008"));

    CreditDecision d = rolling(JUNE, DECEMBER).decide(DecisionRequest.builder().account(ACCOUNT_USD_20).period(DEC_2008)
        .addClaims(claim("CLM-1", "2009-01-10T15:00:00Z", null)).addIssuedEarlier(june).build());

    assertThat(d.lines()).singleElement().satisfies(l -> {
      assertThat(l.amount()).isEqualTo(usd("2.00"));
      assertThat(l.outageIds()).containsExactly("DEC-2008");
    });
  }

  @Test
  void theEarliestOfASubscriptionsClaimsSetsTheWindow() {
    // claims for sub-1 on 10 January 2009 (the year from 11 January 2008 holds December's outage)
    // and on 10 January 2010 (the year from 2009 holds nothing); the earliest counts, whatever the
    // order given
    Claim early = claim("CLM-B", "2009-01-10T15:00:00Z", "sub-1");
    Claim late = claim("CLM-A", "2010-01-10T15:00:00Z", "sub-1");
    CreditEngine engine = rolling(DECEMBER);

    for (List<Claim> claims : List.of(List.of(early, late), List.of(late, early))) {
      CreditDecision d = engine.decide(DecisionRequest.builder().account(ACCOUNT_USD_20).period(DEC_2008)
          .claims(claims).build());

      assertThat(d.lines()).as("claims %s", claims).extracting(CreditLine::amount).containsExactly(usd("2.00"));
    }
  }

  @Test
  void aRollingWindowFromTelemetryLeavingOutUsedDowntimeStillReadsTelemetry() {
    // telemetry says nothing was down (missing data counts as good); the outage records say
    // DEC-2008 was, but a policy measured from telemetry does not count them: no credit
    Policy p = policyBuilder("ec2", Rules.availabilityTiers("tiers", Tier.range("0", "99.95", "10")), HALF_UP)
        .measurementWindow(MeasurementWindow.rollingDays(365))
        .measurementRules(MeasurementRules.builder().source(Measurement.Source.TELEMETRY)
            .telemetry(TelemetryRules.builder().missingData(TelemetryRules.MissingData.GOOD).build()).build())
        .build();
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(p))
        .outages(OutageLog.of(List.of(JUNE, DECEMBER))).build();
    IssuedCredit june = new IssuedCredit("cr-june", usd("2.00"), "ec2", "sub-1", "tiers", Optional.empty(),
        List.of("JUN-2008"));

    CreditDecision d = engine.decide(DecisionRequest.builder().account(ACCOUNT_USD_20).period(DEC_2008)
        .addClaims(claim("CLM-1", "2009-01-10T15:00:00Z", null)).addIssuedEarlier(june).build());

    assertThat(d.lines()).isEmpty();
  }
}
