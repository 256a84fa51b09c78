package dev.amends.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

// README quick start imports: begin
import dev.amends.core.account.Account;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.money.Rounding;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.Rules;
import dev.amends.rules.Tier;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.threeten.extra.Interval;
// README quick start imports: end

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start, verbatim between the markers, so that it never rots. It lives
 * outside {@code dev.amends.rules} so that it compiles against the public API only, with the
 * imports a user writes.
 */
class QuickStartTest {
  @Test
  void readmeQuickStartRuns() {
    // README quick start: begin
    Outage firmware = Outage.builder().id("MAINT-2007-12-01").addScopes(Scope.of("grid/cluster-2"))
        .window(Instant.parse("2007-12-01T05:00:00Z"), Instant.parse("2007-12-01T18:00:00Z"))
        .kind(OutageKind.MAINTENANCE)
        .announcement(Announcement.of(Instant.parse("2007-11-21T05:00:00Z"),
            Interval.of(Instant.parse("2007-12-01T05:00:00Z"), Instant.parse("2007-12-01T11:00:00Z"))))
        .build();
    Account account = Account.builder().id("acct-1").currency(CurrencyUnit.USD).zone(ZoneId.of("America/New_York"))
        .addSubscriptions(Subscription.builder().id("sub-1").plan("grid")
            .prices(PriceSchedule.monthly(Money.parse("USD 20.00")))
            .active(Instant.parse("2006-01-01T05:00:00Z"), Instant.MAX)
            .addPlacements(Scope.of("grid/cluster-2")).build())
        .build();
    Policy sla = Policy.builder().id("grid-sla").version(1).effectiveFrom(Instant.parse("2007-01-01T05:00:00Z"))
        .measurementRules(MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).build())
        .rule(Rules.availabilityTiers("tiers", Tier.range("99.0", "99.9", "10"), Tier.range("0", "99.0", "25")))
        .rounding(Rounding.of(RoundingMode.HALF_UP))
        .build();
    CreditEngine engine = CreditEngine.builder().policies(PolicyBook.of(sla)).outages(OutageLog.of(List.of(firmware)))
        .build();

    CreditDecision decision = engine.decide(account, YearMonth.of(2007, 12));  // the account's December bill
    // decision.lines(): USD 2.00, "availability 99.0591 % < 99.9 % -> 10 % of USD 20.00"
    // README quick start: end

    assertThat(decision.lines()).singleElement().satisfies(line -> {
      // 420 of 44,640 minutes down: 99.0591 % is in [99.0, 99.9) -> 10 % of USD 20.00
      assertThat(line.amount()).isEqualTo(Money.parse("USD 2.00"));
      assertThat(line.reason()).isEqualTo("availability 99.0591 % < 99.9 % -> 10 % of USD 20.00");
    });
    assertThat(decision.explain()).contains("420 min down of 44640");
  }

  @Test
  void readmeShowsThisTestsCodeAndImports() throws IOException {
    String test = Files.readString(Path.of("src/test/java/dev/amends/quickstart/QuickStartTest.java"));
    String imports = between(test, "// README quick start imports: begin\n", "// README quick start imports: end");
    String code = between(test, "// README quick start: begin\n", "    // README quick start: end");
    String unindented = code.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
        .reduce((a, b) -> a + "\n" + b).orElseThrow();

    String readme = Files.readString(Path.of("../README.md"));
    assertThat(readme).contains(imports + "\n" + unindented);
  }

  private static String between(String text, String begin, String end) {
    return text.split(begin, 2)[1].split(end, 2)[0];
  }
}
