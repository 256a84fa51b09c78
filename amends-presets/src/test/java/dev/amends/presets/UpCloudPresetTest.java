package dev.amends.presets;

import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.Policy;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** upcloud: 50 times the charges for the interruption, at most 100 % per interruption. June 2024 = 43,200 minutes. */
class UpCloudPresetTest {
  static final Policy UPCLOUD = Presets.load("upcloud");

  @Test
  void reproducesTheScheduleAtItsBoundaries() {
    // On USD 100.00 a month: 50 x 100.00 x minutes / 43,200.
    // The whole preset, one interruption per row, with a claim as each interruption ends.
    TierTableCheck.of(UPCLOUD).claimFiled()
        .downtimeRow(Duration.ZERO, "0.00")
        .downtimeRow(Duration.ofMinutes(6), "0.69")      // 50 x 6 / 43,200 x 100 = 0.694.. -> 0.69
        .downtimeRow(Duration.ofMinutes(60), "6.94")     // 6.944.. -> 6.94
        .downtimeRow(Duration.ofMinutes(864), "100.00")  // 50 x 864 / 43,200 = 1: exactly the fee
        .downtimeRow(Duration.ofMinutes(865), "100.00")  // capped per interruption
        .check();
  }

  @Test
  void anInterruptionOfFiveMinutesOrLessEarnsNothing() {
    // "interruptions ... that last longer than 5 minutes": 5 minutes exactly is not longer
    Scenario june = Scenario.account("acme").zone("UTC")
        .subscription("vm-1", s -> s.plan("dev-2xcpu-4gb").monthly("USD 100.00").on("fi-hel1/host-4/vm-1"))
        .claim("mail-1", "2024-06-21T00:00")
        .period(YearMonth.of(2024, 6));
    assertThat(june.outage("H4", o -> o.on("fi-hel1/host-4").from("2024-06-20T10:00").lasting(Duration.ofMinutes(5)))
        .decideWith(UPCLOUD)).hasNoLines();
    assertThat(june.outage("H4", o -> o.on("fi-hel1/host-4").from("2024-06-20T10:00")
        .lasting(Duration.ofMinutes(5).plusSeconds(1))).decideWith(UPCLOUD)).hasTotal("USD 0.58");
    // 50 x 301 s / 2,592,000 s x 100.00 = 0.5806.. -> USD 0.58
  }

  @Test
  void aWorkedMonthWithOneInterruption() {
    // A server at USD 52.00 for June 2024, down 2024-06-03 08:00-08:42: 42 minutes, more than 5.
    // 50 x 42 / 43,200 x 52.00 = 2.5277.. -> USD 2.53.
    CreditDecision d = Scenario.account("acme").zone("UTC")
        .subscription("vm-1", s -> s.plan("general-2xcpu").monthly("USD 52.00").on("de-fra1/host-9/vm-1"))
        .outage("H9-A", o -> o.on("de-fra1/host-9").from("2024-06-03T08:00").until("2024-06-03T08:42"))
        .claim("mail-2", "2024-06-10T00:00")
        .period(YearMonth.of(2024, 6))
        .decideWith(UPCLOUD);
    assertThat(d).hasLine("each-interruption[H9-A]/claimed/at-most-fee/fifty-times").withAmount("USD 2.53")
        .and().hasTotal("USD 2.53").hasNoFlags();
  }

  @Test
  void twoInterruptionsInAMonthAreEachCappedOnTheirOwn() {
    // The SLA caps each interruption at 100 % on its own, on a server at USD 52.00 for June 2024:
    //   H9-A, 42 minutes: 50 x 42 / 43,200 x 52.00 = 2.5277.. -> USD 2.53 (within the cap);
    //   H9-B, a whole day, 1,440 minutes: 50 x 1,440 / 43,200 = 1.666.. x the fee = 86.666.., capped
    //   at 100 % of the fee, USD 52.00.
    // USD 54.53 in all, more than the fee: what the SLA gives. (One cap for the month, as before
    // per-outage, gave 1,482 minutes -> 89.19, capped at USD 52.00.)
    CreditDecision d = Scenario.account("acme").zone("UTC")
        .subscription("vm-1", s -> s.plan("general-2xcpu").monthly("USD 52.00").on("de-fra1/host-9/vm-1"))
        .outage("H9-A", o -> o.on("de-fra1/host-9").from("2024-06-03T08:00").until("2024-06-03T08:42"))
        .outage("H9-B", o -> o.on("de-fra1/host-9").from("2024-06-17T00:00").until("2024-06-18T00:00"))
        .claim("mail-3", "2024-06-18T12:00") // within 15 days of each: by the end of 18 June for H9-A
        .period(YearMonth.of(2024, 6))
        .decideWith(UPCLOUD);
    assertThat(d).hasLine("each-interruption[H9-A]/claimed/at-most-fee/fifty-times").withAmount("USD 2.53")
        .and().hasLine("each-interruption[H9-B]/claimed/at-most-fee/fifty-times").withAmount("USD 52.00")
        .withReasonContaining("capped from USD 86.666667 to USD 52.00")
        .and().hasTotal("USD 54.53");
  }

  @Test
  void eachInterruptionIsClaimedWithinFifteenDaysOfItsOwnEnd() {
    // Filed on 25 June: in time for H9-B (ended 18 June; by the end of 3 July) but not for H9-A
    // (ended 3 June; by the end of 18 June), so only H9-B's USD 52.00.
    CreditDecision d = Scenario.account("acme").zone("UTC")
        .subscription("vm-1", s -> s.plan("general-2xcpu").monthly("USD 52.00").on("de-fra1/host-9/vm-1"))
        .outage("H9-A", o -> o.on("de-fra1/host-9").from("2024-06-03T08:00").until("2024-06-03T08:42"))
        .outage("H9-B", o -> o.on("de-fra1/host-9").from("2024-06-17T00:00").until("2024-06-18T00:00"))
        .claim("mail-4", "2024-06-25T00:00")
        .period(YearMonth.of(2024, 6))
        .decideWith(UPCLOUD);
    assertThat(d).hasLine("each-interruption[H9-B]/claimed/at-most-fee/fifty-times").withAmount("USD 52.00")
        .and().hasTotal("USD 52.00");
  }
}
