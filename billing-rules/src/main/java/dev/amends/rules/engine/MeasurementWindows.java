package dev.amends.rules.engine;

import dev.amends.rules.Claim;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.MeasurementWindow;
import dev.amends.rules.Policy;
import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import java.time.LocalDate;
import java.util.Optional;

/** Which window a policy's measurement window credits in a billing period. */
public final class MeasurementWindows {
  private MeasurementWindows() {}

  /**
   * The period measured under a policy when deciding a billing period: the billing period itself
   * (the same instance, nothing allocated) without a measurement window; the calendar quarter
   * credited in it with one; {@code null} if no quarter is credited in it.
   *
   * @throws InvalidInputException naming {@code measurementWindow} if the account's billing
   *     periods are longer than a quarter
   */
  public static BillingPeriod measured(Policy policy, Account account, BillingPeriod period) {
    return measured(policy, account, period, Optional.empty());
  }

  /**
   * The same, a rolling window measured back from the claim's date ({@code null} without a
   * claim).
   */
  public static BillingPeriod measured(Policy policy, Account account, BillingPeriod period, Optional<Claim> claim) {
    Optional<MeasurementWindow> window = policy.measurementWindow();
    if (window.isEmpty()) {
      return period;
    }
    return switch (window.get()) {
      case MeasurementWindow.CalendarQuarter q -> quarterCreditedIn(account.billing(), period, q.periodsAfterEnd(),
          policy.label());
      case MeasurementWindow.RollingDays r -> claim.map(c -> rollingBefore(c, r.days(), period.zone())).orElse(null);
    };
  }

  /**
   * The {@code days} whole days before the claim's date in the zone: a period of {@code days}
   * days standing for {@code days * 12 / 365} months (at least 1), which only its label shows.
   */
  public static BillingPeriod rollingBefore(Claim claim, int days, java.time.ZoneId zone) {
    LocalDate claimDate = LocalDate.ofInstant(claim.filedAt(), zone);
    return BillingPeriod.of(claimDate.minusDays(days), claimDate, zone, Math.max(1, days * 12 / 365));
  }

  /**
   * The billing period a rolling window's credit lands on: the one holding the latest instant of
   * downtime counted; {@code null} if none was counted.
   */
  public static BillingPeriod eligibleCreditPeriod(BillingSchedule billing, dev.amends.core.measure.Measurement m) {
    if (m.counted().isEmpty()) {
      return null;
    }
    return billing.periodContaining(m.counted().end().minusNanos(1));
  }

  /** The calendar quarter whose end lies in the period {@code k} periods before this one, or {@code null}. */
  private static BillingPeriod quarterCreditedIn(BillingSchedule billing, BillingPeriod period, int k,
      String policy) {
    if (period.months() > 3) {
      throw InvalidInputException.of("measurementWindow", "measures calendar quarters (policy " + policy
          + "), so it cannot decide billing periods longer than a quarter", period.label());
    }
    // The first day after each quarter that could end in a period up to k periods before this one.
    LocalDate from = period.startDate().minusMonths((long) (k + 1) * period.months() + 3);
    LocalDate end = LocalDate.of(from.getYear(), ((from.getMonthValue() - 1) / 3) * 3 + 1, 1);
    while (!end.isAfter(period.endDate().plusMonths(3))) {
      BillingPeriod holdingEnd = billing.periodContaining(end.minusDays(1));
      if (billing.after(holdingEnd, k).equals(period)) {
        return BillingPeriod.of(end.minusMonths(3), end, period.zone(), 3);
      }
      end = end.plusMonths(3);
    }
    return null;
  }

  /**
   * The outages the credits issued earlier ({@link DecisionRequest#issuedEarlier()}) for this
   * subscription under this policy rest on.
   */
  public static java.util.Set<String> usedEarlier(DecisionRequest request, String subscriptionId, String policyId) {
    java.util.Set<String> used = new java.util.TreeSet<>();
    for (IssuedCredit c : request.issuedEarlier()) {
      if (c.subscriptionId().equals(subscriptionId) && c.policyId().equals(policyId)) {
        used.addAll(c.outageIds());
      }
    }
    return used;
  }

  /** Such as {@code measures calendar quarters, each credited 1 billing period after the one holding its end}. */
  public static String describe(MeasurementWindow window) {
    return switch (window) {
      case MeasurementWindow.CalendarQuarter q -> "measures calendar quarters, each credited " + q.periodsAfterEnd()
          + " billing period(s) after the one holding its end";
      case MeasurementWindow.RollingDays r -> "measures the " + r.days() + " days before the date of the"
          + " subscription's claim, credited in the billing period holding the latest downtime counted";
    };
  }
}
