package dev.amends.ledger;

import dev.amends.core.money.Ratio;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.CreditLine;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.joda.money.Money;

/** Credit lines for the tests: December 2007 in New York, policy grid-sla v1. */
final class Lines {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final YearMonth DECEMBER = YearMonth.of(2007, 12);
  static final BillingPeriod PERIOD = BillingPeriod.month(DECEMBER, NEW_YORK);

  private Lines() {}

  static CreditLine credit(String key, String account, String amount) {
    return new CreditLine(key, CreditLine.Kind.CREDIT, Money.parse(amount), Optional.empty(), account,
        account + "-grid", PERIOD, "grid-sla", 1, "sha256:abc", "sla/tiers", List.of("MAINT-2007-12-01"),
        "availability 99.0591 % < 99.9 % -> 10 % of " + amount);
  }

  static CreditLine withDays(String key, String account, String amount, Ratio days, Instant termEnd) {
    return new CreditLine(key, CreditLine.Kind.TOP_UP, Money.parse(amount), Optional.of(days), Optional.of(termEnd),
        account, account + "-grid", PERIOD, "grid-sla", 2, "sha256:def", "sla/days", List.of("A", "B"),
        "top-up: 5/2 days");
  }
}
