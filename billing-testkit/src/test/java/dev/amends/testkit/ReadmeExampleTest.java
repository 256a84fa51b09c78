package dev.amends.testkit;

// README testkit imports: begin
import static dev.amends.testkit.AmendsAssertions.assertThat;

import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.money.Rounding;
import dev.amends.rules.ClaimDeadline;
import dev.amends.rules.Policy;
import dev.amends.rules.Rules;
import dev.amends.rules.Tier;
import dev.amends.testkit.Scenario;
import dev.amends.testkit.TierTableCheck;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;
// README testkit imports: end

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's "Testing your own policies" example: the README shows the imports and the class
 * between the markers verbatim, which {@link #readmeShowsThisTestsImportsAndClass()} checks.
 */
// README testkit class: begin
class ReadmeExampleTest {
  /** 10 % below 99.9 %, 25 % below 99.0 %; maintenance announced 24 hours ahead is excluded. */
  static final Policy GRID_SLA = Policy.builder().id("grid-sla").version(1)
      .effectiveFrom(Instant.parse("2007-01-01T05:00:00Z"))
      .measurementRules(MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).build())
      .rule(Rules.availabilityTiers("tiers", Tier.range("99.0", "99.9", "10"), Tier.range("0", "99.0", "25")))
      .rounding(Rounding.of(RoundingMode.HALF_UP))
      .build();

  /** The same tiers for two plans only, paid on a claim filed by the end of the second billing cycle after. */
  static final Policy GRID_SLA_ON_CLAIM = Policy.builder().id("grid-sla-on-claim").version(1)
      .effectiveFrom(Instant.parse("2007-01-01T05:00:00Z"))
      .plans(Set.of("grid-monthly", "grid-annual"))
      .rule(Rules.requiresClaim("claimed", new ClaimDeadline(ClaimDeadline.Kind.CYCLES_AFTER_INCIDENT, 2),
          Rules.availabilityTiers("tiers", Tier.range("99.0", "99.9", "10"), Tier.range("0", "99.0", "25"))))
      .rounding(Rounding.of(RoundingMode.HALF_UP))
      .build();

  @Test
  void overrunOfAnnouncedMaintenanceCounts() {
    var decision = Scenario.account("acct-1").zone("America/New_York")
        .subscription("sub-1", s -> s.plan("grid").monthly("USD 20.00").on("grid/cluster-2"))
        .outage("MAINT-1", o -> o.on("grid/cluster-2").from("2007-12-01T00:00").until("2007-12-01T13:00")
            .announcedMaintenance("2007-11-21T00:00", "2007-12-01T00:00", "2007-12-01T06:00"))
        .period(YearMonth.of(2007, 12))
        .decideWith(GRID_SLA);

    // 6 h announced are excluded, the 7 h overrun counts: 420 of 44,640 min, 99.0591 % -> 10 % of USD 20.00
    assertThat(decision)
        .hasCounted("sub-1", "MAINT-1", Duration.ofHours(7), Duration.ofHours(6))
        .hasLine("tiers").withAmount("USD 2.00").restsOn("MAINT-1").withReasonContaining("99.0591 % < 99.9 %")
        .and().hasTraceNode("sub-1", "tiers").wasCredited().hasValue("availability", "99.0591 %")
        .and().hasTotal("USD 2.00").hasNoFlags();
  }

  @Test
  void tiersHoldAtTheirBoundaries() {
    TierTableCheck.of(GRID_SLA).fee("USD 20.00")
        .row("99.9", "0.00")    // exactly 99.9 % is not below it
        .row("99.0", "2.00")    // exactly 99.0 % is in [99.0, 99.9): 10 %
        .row("98.99", "5.00")   // 25 %
        .check();               // every failing row is reported at once
  }

  @Test
  void aPolicyWithPlansAndAClaimRuleIsCheckedWhole() {
    TierTableCheck.of(GRID_SLA_ON_CLAIM).fee("USD 20.00")
        .plan("grid-annual")    // default: the first of the policy's plans
        .claimFiled()           // a claim for every row, filed as its outage ends
        .row("99.0", "2.00")
        .row("98.99", "5.00")
        .check();
    TierTableCheck.of(GRID_SLA_ON_CLAIM).fee("USD 20.00")
        .claimFiled("2024-09-01T00:00")   // June 2024 is decided: too late, the deadline is the end of August
        .row("98.99", "0.00")
        .check();
  }
// README testkit class: end

  @Test
  void readmeShowsThisTestsImportsAndClass() throws IOException {
    String test = Files.readString(Path.of("src/test/java/dev/amends/testkit/ReadmeExampleTest.java"));
    String imports = between(test, "// README testkit imports: begin\n", "// README testkit imports: end\n");
    String body = between(test, "// README testkit class: begin\n", "// README testkit class: end\n");

    String readme = Files.readString(Path.of("../README.md"));
    org.assertj.core.api.Assertions.assertThat(readme).contains("```java\n" + imports + "\n" + body + "}\n```");
  }

  private static String between(String text, String begin, String end) {
    return text.split(begin, 2)[1].split(end, 2)[0];
  }
}
