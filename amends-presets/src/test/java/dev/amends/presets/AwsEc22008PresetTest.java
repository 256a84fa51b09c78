package dev.amends.presets;

import static dev.amends.testkit.AmendsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.MeasurementWindow;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * aws-ec2-2008: the Amazon EC2 SLA effective 23 October 2008, Annual Uptime Percentage over the
 * 365 days before the claim. A Service Year has 365 x 288 = 105,120 five-minute periods; 0.05 %
 * of them is 52.56, so 52 periods down is 99.95053 % (met) and 53 is 99.94958 % (not met). The
 * stored copy of the text carries no worked example of AWS's own.
 */
class AwsEc22008PresetTest {
  static final Policy EC2 = Presets.load("aws-ec2-2008");
  static final YearMonth DECEMBER_2008 = YearMonth.of(2008, 12);

  /**
   * The account of the worked example: EC2 in us-east-1 since 2007, billed USD 734.29 a month;
   * Region Unavailable 50 minutes on 20 July and 3 h 28 min on 15 December 2008; a claim filed on
   * 10 January 2009.
   */
  static Scenario acme() {
    return Scenario.account("acme")
        .subscription("ec2-us-east-1", s -> s.plan("ec2").monthly("USD 734.29").on("aws/us-east-1/ec2")
            .activeFrom("2007-01-01T00:00"))
        .outage("EC2-2008-07-20", o -> o.on("aws/us-east-1").from("2008-07-20T08:00").until("2008-07-20T08:50"))
        .outage("EC2-2008-12-15", o -> o.on("aws/us-east-1").from("2008-12-15T14:03").until("2008-12-15T17:31"))
        .claim("sla-1", "2009-01-10T15:00");
  }

  @Test
  void reproducesTheOneRowOfTheTableAtItsBoundary() {
    // "at least 99.95 %": below it, 10 % of the bill (USD 100.00 here, so a percentage reads as the amount)
    TierTableCheck.of(EC2.rule())
        .row("100", "0.00")
        .row("99.95", "0.00")       // exactly the commitment: met
        .row("99.9499", "10.00")    // just below it
        .row("99.9495", "10.00")    // 53 five-minute periods of 105,120 down, cut to four places
        .row("0", "10.00")          // one row only: no deeper tier
        .check();
  }

  @Test
  void theWindowIsTheYearBeforeTheClaimWithDaysBeforeFirstUseAvailable() {
    assertThat(EC2.measurementWindow()).contains(MeasurementWindow.rollingDays(365));
    assertThat(EC2.measurementRules().denominator().name()).isEqualTo("WHOLE_PERIOD");
  }

  @Test
  void aWorkedYearCreditsTenPercentOfTheMonthOfTheLatestDowntime() {
    // Service Year: 2008-01-11 to 2009-01-09 (the claim's day, 10 January, is not in it), 105,120 periods.
    // 20 July 08:00-08:50: 10 five-minute periods. 15 December 14:03-17:31 touches the periods from 14:00 to
    // 17:35: 43 periods. 53 of 105,120 down: 105,067 / 105,120 = 99.94958 % (the reason shows 99.9495 %, cut
    // to four places) < 99.95 -> 10 % of December's bill
    // (the Eligible Credit Period, the month of the latest unavailability) USD 734.29 = 73.429 -> USD 73.43.
    // Counted exactly, 50 + 208 = 258 of 525,600 minutes would be 99.9509 %: no credit; the 5-minute periods
    // decide it.
    CreditDecision d = acme().period(DECEMBER_2008).decideWith(EC2);

    assertThat(d)
        .hasLine("tiers").withAmount("USD 73.43").restsOn("EC2-2008-07-20", "EC2-2008-12-15")
        .withReasonContaining("99.9495 %")
        .and().hasTotal("USD 73.43");
  }

  @Test
  void theOtherMonthsOfTheYearGiveNothing() {
    // July holds downtime too, but not the latest; January 2009 holds the claim but no downtime
    for (YearMonth month : List.of(YearMonth.of(2008, 7), YearMonth.of(2009, 1))) {
      assertThat(acme().period(month).decideWith(EC2)).hasTotal("USD 0.00");
    }
  }

  @Test
  void fiftyTwoFiveMinutePeriodsDownMeetTheCommitment() {
    // December 14:03-17:26 touches the periods from 14:00 to 17:30: 42; with July's 10, 52 of 105,120:
    // 105,068 / 105,120 = 99.9505 % >= 99.95: no credit
    CreditDecision d = Scenario.account("acme")
        .subscription("ec2-us-east-1", s -> s.plan("ec2").monthly("USD 734.29").on("aws/us-east-1/ec2")
            .activeFrom("2007-01-01T00:00"))
        .outage("EC2-2008-07-20", o -> o.on("aws/us-east-1").from("2008-07-20T08:00").until("2008-07-20T08:50"))
        .outage("EC2-2008-12-15", o -> o.on("aws/us-east-1").from("2008-12-15T14:03").until("2008-12-15T17:26"))
        .claim("sla-1", "2009-01-10T15:00")
        .period(DECEMBER_2008)
        .decideWith(EC2);

    assertThat(d).hasTotal("USD 0.00");
  }

  @Test
  void aNewcomersDaysBeforeFirstUseCountAsAvailable() {
    // first used on 1 December 2008: July's outage was before its use and does not count. December's 43 periods
    // of the whole Service Year's 105,120: 105,077 / 105,120 = 99.9591 % -> no credit. (Over its 40 days of use
    // alone, 11,520 periods, the same 43 would be 11,477 / 11,520 = 99.6267 % -> USD 73.43: not what the SLA says.)
    CreditDecision d = Scenario.account("newcomer")
        .subscription("ec2-us-east-1", s -> s.plan("ec2").monthly("USD 734.29").on("aws/us-east-1/ec2")
            .activeFrom("2008-12-01T00:00"))
        .outage("EC2-2008-07-20", o -> o.on("aws/us-east-1").from("2008-07-20T08:00").until("2008-07-20T08:50"))
        .outage("EC2-2008-12-15", o -> o.on("aws/us-east-1").from("2008-12-15T14:03").until("2008-12-15T17:31"))
        .claim("sla-1", "2009-01-10T15:00")
        .period(DECEMBER_2008)
        .decideWith(EC2);

    assertThat(d).hasTotal("USD 0.00");
  }

  @Test
  void downtimeBeforeASuccessfulClaimCannotBeUsedAgain() {
    // December's credit (USD 73.43) rests on both outages. On 3 March 2009 a new claim: the Service Year
    // 2008-03-03 to 2009-03-02 holds them and 2 February's 14:00-14:45 (9 periods). Counting all three,
    // 62 periods: 99.9410 % -> 10 % of February's USD 734.29 = USD 73.43 again. Without the two already used,
    // 9 periods: 105,111 / 105,120 = 99.9914 % -> nothing.
    CreditDecision december = acme().period(DECEMBER_2008).decideWith(EC2);
    List<IssuedCredit> issued = december.lines().stream().map(IssuedCredit::of).toList();
    Scenario february = Scenario.account("acme")
        .subscription("ec2-us-east-1", s -> s.plan("ec2").monthly("USD 734.29").on("aws/us-east-1/ec2")
            .activeFrom("2007-01-01T00:00"))
        .outage("EC2-2008-07-20", o -> o.on("aws/us-east-1").from("2008-07-20T08:00").until("2008-07-20T08:50"))
        .outage("EC2-2008-12-15", o -> o.on("aws/us-east-1").from("2008-12-15T14:03").until("2008-12-15T17:31"))
        .outage("EC2-2009-02-02", o -> o.on("aws/us-east-1").from("2009-02-02T14:00").until("2009-02-02T14:45"))
        .claim("sla-2", "2009-03-03T10:00")
        .period(YearMonth.of(2009, 2));

    assertThat(february.decideWith(EC2)).hasTotal("USD 73.43");
    DecisionRequest again = DecisionRequest.builder().from(february.request()).issuedEarlier(issued).build();
    CreditDecision d = february.engine(PolicyBook.of(EC2)).decide(again);

    assertThat(d).hasTotal("USD 0.00");
    assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("EC2-2008-07-20, EC2-2008-12-15",
        "not counted again"));
  }
}
