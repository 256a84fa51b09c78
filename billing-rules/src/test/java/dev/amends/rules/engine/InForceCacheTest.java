package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Account;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.Rules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's versions in force per period start: {@value Pipeline#IN_FORCE_KEPT} starts are
 * kept, then the cache starts afresh. Accounts billed monthly from their own anniversary day (the
 * 1st to the 28th) over four years give 48 × 28 = 1,344 period starts, one a day for 28 days of
 * each month; with the versions changing before and after the point where the cache starts
 * afresh, each is decided as the policy book says, first in order, then in reverse order.
 */
class InForceCacheTest {
  static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);
  static final int MONTHS = 48; // 2024-01 to 2027-12
  static final int STARTS = MONTHS * 28; // 1,344

  // sla: v1 gives USD 1.00 a period until 2024-07-01, v2 USD 2.00 until 2025-09-15, v3 USD 3.00
  // until 2027-02-10, v4 USD 4.00 from then on.
  // bonus: v1 gives USD 0.50 to periods starting in January 2027 only, across 2027-01-17 (start
  // 1,024 counting from 0: 36 months × 28 + 16), the first new start once the cache is full.
  static final Policy SLA_V1 = version("sla", 1, "2000-01-01", "2024-07-01", "1.00");
  static final Policy SLA_V2 = version("sla", 2, "2024-07-01", "2025-09-15", "2.00");
  static final Policy SLA_V3 = version("sla", 3, "2025-09-15", "2027-02-10", "3.00");
  static final Policy SLA_V4 = version("sla", 4, "2027-02-10", null, "4.00");
  static final Policy BONUS_V1 = version("bonus", 1, "2027-01-01", "2027-02-01", "0.50");
  /** Where a version starts or ends: a period holding one strictly inside is flagged. */
  static final List<LocalDate> SWITCHES = List.of(LocalDate.of(2024, 7, 1), LocalDate.of(2025, 9, 15),
      LocalDate.of(2027, 2, 10), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1));

  static Policy version(String id, int version, String from, String until, String perPeriod) {
    Policy.Builder b = policyBuilder(id, Rules.flatAmount("flat", usd(perPeriod)), HALF_UP).version(version)
        .effectiveFrom(Instant.parse(from + "T00:00:00Z"));
    if (until != null) {
      b.effectiveUntil(Instant.parse(until + "T00:00:00Z"));
    }
    return b.build();
  }

  /** The USD 20.00 a month account billed from the {@code day}th of each month. */
  static Account anchoredOn(int day) {
    return Account.builder().from(ACCOUNT_USD_20).id("acct-" + day)
        .billing(BillingSchedule.anniversary(BillingCycle.MONTHLY, LocalDate.of(2023, 12, day), ZoneOffset.UTC))
        .build();
  }

  static final Account[] ACCOUNTS = new Account[29];

  static {
    for (int day = 1; day <= 28; day++) {
      ACCOUNTS[day] = anchoredOn(day);
    }
  }

  final Pipeline pipeline = new Pipeline(PolicyBook.of(SLA_V4, BONUS_V1, SLA_V2, SLA_V1, SLA_V3), OutageLog.empty(),
      TelemetryLog.empty(), Map.of(), List.of(), false);

  /** The lines the book gives to a period starting on a day, as "policy vN amount", by policy id. */
  static List<String> expectedFrom(LocalDate start) {
    String sla;
    if (start.isBefore(LocalDate.of(2024, 7, 1))) {
      sla = "sla v1 USD 1.00";
    } else if (start.isBefore(LocalDate.of(2025, 9, 15))) {
      sla = "sla v2 USD 2.00";
    } else if (start.isBefore(LocalDate.of(2027, 2, 10))) {
      sla = "sla v3 USD 3.00";
    } else {
      sla = "sla v4 USD 4.00";
    }
    boolean bonus = start.getYear() == 2027 && start.getMonthValue() == 1;
    return bonus ? List.of("bonus v1 USD 0.50", sla) : List.of(sla);
  }

  /** Decides the period start number {@code i} (0 to 1,343, in date order) and checks it. */
  void decidesAsTheBookSays(int i) {
    int day = i % 28 + 1;
    LocalDate start = FIRST_MONTH.plusMonths(i / 28).atDay(day);
    BillingPeriod period = ACCOUNTS[day].billing().periodContaining(start);
    assertThat(period.startDate()).isEqualTo(start);

    CreditDecision decision = pipeline.decide(DecisionRequest.of(ACCOUNTS[day], period), null, null);

    List<String> expected = expectedFrom(start);
    assertThat(decision.lines()).as("start %d, %s", i, period)
        .extracting(l -> l.policyId() + " v" + l.policyVersion() + " " + l.amount())
        .isEqualTo(expected);
    // both policies crediting one subscription is flagged, and so is a switch inside the period
    assertThat(decision.flags().contains(DecisionFlag.NEEDS_REVIEW)).as("start %d, %s", i, period)
        .isEqualTo(expected.size() == 2);
    boolean switchInside =
        SWITCHES.stream().anyMatch(s -> s.isAfter(period.startDate()) && s.isBefore(period.endDate()));
    assertThat(decision.flags().contains(DecisionFlag.POLICY_CHANGED_IN_PERIOD)).as("start %d, %s", i, period)
        .isEqualTo(switchInside);
  }

  @Test
  void decisionsFollowTheVersionsInForceBeforeAndAfterTheCacheStartsAfresh() {
    assertThat(Pipeline.IN_FORCE_KEPT).isEqualTo(1024);
    for (int i = 0; i < 1024; i++) {
      decidesAsTheBookSays(i);
    }
    assertThat(pipeline.inForceKept()).isEqualTo(1024);

    decidesAsTheBookSays(1024); // 2027-01-17: a new start with the cache full

    assertThat(pipeline.inForceKept()).isEqualTo(1);
    for (int i = 1025; i < STARTS; i++) {
      decidesAsTheBookSays(i);
    }
    assertThat(pipeline.inForceKept()).isEqualTo(STARTS - 1024); // 320
    for (int i = STARTS - 1; i >= 0; i--) {
      decidesAsTheBookSays(i);
    }
    // the reverse pass found the 320 kept, added 1,024 - 320 = 704 (starts 1,023 down to 320),
    // then started afresh at start 319 and kept 319 down to 0
    assertThat(pipeline.inForceKept()).isEqualTo(320);
  }

  @Test
  void aStartDecidedAgainGivesTheSameDecision() {
    BillingPeriod period = ACCOUNTS[17].billing().periodContaining(LocalDate.of(2027, 1, 17));
    DecisionRequest request = DecisionRequest.of(ACCOUNTS[17], period);

    CreditDecision first = pipeline.decide(request, null, null);
    CreditDecision again = pipeline.decide(request, null, null);

    assertThat(again.lines()).isEqualTo(first.lines());
    assertThat(again.lines()).extracting(l -> l.policyId() + " v" + l.policyVersion() + " " + l.amount())
        .containsExactly("bonus v1 USD 0.50", "sla v3 USD 3.00");
    assertThat(pipeline.inForceKept()).isEqualTo(1);
  }
}
