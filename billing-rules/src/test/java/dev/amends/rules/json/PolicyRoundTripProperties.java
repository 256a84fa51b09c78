package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.account.Proration;
import dev.amends.core.account.Standing;
import dev.amends.core.measure.CountFrom;
import dev.amends.core.measure.Denominator;
import dev.amends.core.measure.Granularity;
import dev.amends.core.measure.MaintenanceWindow;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.measure.PartialImpact;
import dev.amends.core.measure.TelemetryRules;
import dev.amends.core.money.DayCount;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.core.outage.Cause;
import dev.amends.core.scope.Scope;
import dev.amends.rules.CapLimit;
import dev.amends.rules.ClaimDeadline;
import dev.amends.rules.Condition;
import dev.amends.rules.Conditions;
import dev.amends.rules.DaysValue;
import dev.amends.rules.Policy;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Policy → canonical JSON → policy, over policies generated from every standard kind, condition
 * and measurement term: the policy read back is equal, has the same digest, and its document is
 * valid under the shipped schema.
 */
class PolicyRoundTripProperties {

  @Property(tries = 100)
  void aWrittenPolicyReadsBackEqual(@ForAll long seed) {
    Policy p = new Generator(new Random(seed)).policy();
    String written = PolicyDocuments.write(p);

    Policy read = PolicyDocuments.standard().read(written).value();

    assertThat(read).isEqualTo(p);
    assertThat(read.digest()).isEqualTo(p.digest());
    assertThat(PolicyDocuments.write(read)).isEqualTo(written);
    assertThat(PolicyDocuments.standard().read(PolicyDocuments.writePretty(p)).value()).isEqualTo(p);
    assertThat(PolicySchemaTest.errors(written)).isEmpty();
  }

  /** Random policies whose decimals are in shortest form, as documents read them. */
  static final class Generator {
    private final Random r;
    private int ids;

    Generator(Random r) {
      this.r = r;
    }

    Policy policy() {
      Policy.Builder b = Policy.builder().id("p-" + r.nextInt(100)).version(1 + r.nextInt(5))
          .effectiveFrom(Instant.ofEpochSecond(1_000_000_000L + r.nextInt(1_000_000)))
          .measurementRules(measurement())
          .rule(node(0))
          .rounding(r.nextBoolean() ? Rounding.of(pick(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN))
              : Rounding.of(RoundingMode.HALF_UP, decimal(pick("0.05", "0.01", "1", "10"))))
          .proration(pick(Proration.values()))
          .allowsClawback(r.nextBoolean())
          .allowsOverFullFee(r.nextBoolean());
      if (r.nextBoolean()) {
        b.effectiveUntil(Instant.ofEpochSecond(2_000_000_000L));
      }
      if (r.nextBoolean()) {
        b.addMinimumCredit(Money.of(CurrencyUnit.USD, decimal("1.00")));
      }
      for (int i = r.nextInt(3); i > 0; i--) {
        b.addPlans(pick("grid-monthly", "grid-annual", "cloud.pro", "p_1"));
      }
      return b.build();
    }

    MeasurementRules measurement() {
      MeasurementRules.Builder b = MeasurementRules.builder();
      if (r.nextBoolean()) {
        b.maintenanceNotice(Duration.ofHours(r.nextInt(100)));
        if (r.nextBoolean()) {
          b.maintenanceBudget(Duration.ofMinutes(r.nextInt(600)));
        }
      }
      if (r.nextBoolean()) {
        MaintenanceWindow w = r.nextBoolean()
            ? MaintenanceWindow.weekly(pick(DayOfWeek.values()), LocalTime.of(1, 0), LocalTime.of(4, 30),
                ZoneId.of("America/New_York"))
            : MaintenanceWindow.daily(LocalTime.of(23, 0), LocalTime.of(1, 0), ZoneId.of("UTC"));
        b.addStandingWindows(r.nextBoolean() ? w : w.excludingAllDowntime());
      }
      for (Cause c : Cause.values()) {
        if (r.nextInt(3) == 0) {
          b.addExcludedCauses(c);
        }
      }
      boolean weighted = r.nextInt(4) == 0;
      b.degradedCounts(r.nextBoolean())
          .minimumDowntime(Duration.ofSeconds(r.nextInt(600)))
          .granularity(weighted || r.nextBoolean() ? Granularity.exact()
              : r.nextBoolean() ? Granularity.startedSlices(Duration.ofMinutes(1 + r.nextInt(30)))
              : r.nextBoolean() ? Granularity.completedSlices(Duration.ofMinutes(1 + r.nextInt(30)))
              : Granularity.slicesDownMoreThan(Duration.ofMinutes(30 + r.nextInt(30)), Duration.ofSeconds(r.nextInt(1800))))
          .partialImpact(weighted ? PartialImpact.weighted()
              : r.nextBoolean() ? PartialImpact.countsFully() : PartialImpact.atLeast(Ratio.of(1 + r.nextInt(4), 4)))
          .countFrom(pick(CountFrom.values()))
          .denominator(pick(Denominator.values()))
          .source(pick(Measurement.Source.values()))
          .telemetry(TelemetryRules.builder().method(pick(TelemetryRules.Method.values()))
              .errorThreshold(Ratio.of(r.nextInt(50), 100)).minimumRequests(r.nextInt(10))
              .emptyInterval(pick(TelemetryRules.EmptyInterval.values()))
              .missingData(pick(TelemetryRules.MissingData.values())).build());
      return b.build();
    }

    RuleNode node(int depth) {
      int choice = depth >= 3 ? r.nextInt(7) : r.nextInt(15);
      String id = "n" + ids++;
      return switch (choice) {
        case 0 -> Rules.availabilityTiers(id, tiers());
        case 1 -> Rules.perBlock(id, Duration.ofMinutes(1 + r.nextInt(60)), percent(), pick(Rules.BlockCount.values()));
        case 2 -> r.nextBoolean() ? Rules.multipleOfProratedFee(id, decimal(r.nextInt(20) + ""), decimal("99.95"))
            : Rules.multipleOfProratedFee(id, decimal("2.5"), Duration.ofMinutes(r.nextInt(90)));
        case 3 -> Rules.daysOfService(id, r.nextBoolean() ? DaysValue.TERM_EXTENSION_ONLY
            : DaysValue.valuedAt(pick(DayCount.values())), tiers());
        case 4 -> Rules.freePeriods(id, decimal(pick("1", "2", "0.5")), pick(Rules.FreePeriodValue.values()));
        case 5 -> Rules.percentOfFee(id, percent());
        case 6 -> Rules.flatAmount(id, Money.of(CurrencyUnit.USD, decimal("5.25")), Money.of(CurrencyUnit.JPY, decimal("700")));
        case 7 -> Rules.sum(id, children(depth));
        case 8 -> Rules.mostGenerous(id, children(depth));
        case 9 -> Rules.firstMatch(id, children(depth));
        case 10 -> Rules.exactlyOne(id, children(depth));
        case 11 -> Rules.cap(id, limit(), pick(Rules.CapScope.values()), pick(Rules.Spread.values()),
            perOutageDepth > 0 ? Rules.Excess.DROPPED : pick(Rules.Excess.values()), node(depth + 1));
        case 12 -> r.nextBoolean() ? Rules.when(id, condition(0), node(depth + 1))
            : Rules.when(id, condition(0), node(depth + 1), node(depth + 1));
        case 13 -> Rules.requiresClaim(id, deadline(), node(depth + 1));
        default -> {
          perOutageDepth++; // a cap under per-outage may not carry its cut forward
          try {
            yield Rules.perOutage(id, node(depth + 1));
          } finally {
            perOutageDepth--;
          }
        }
      };
    }

    /** How many per-outage nodes enclose the node being generated. */
    private int perOutageDepth;

    RuleNode[] children(int depth) {
      RuleNode[] children = new RuleNode[1 + r.nextInt(3)];
      for (int i = 0; i < children.length; i++) {
        children[i] = node(depth + 1);
      }
      return children;
    }

    Tier[] tiers() {
      return r.nextBoolean()
          ? new Tier[] {Tier.range("99", "99.9", "10"), Tier.range("95", "99", "25"), Tier.range("0", "95", "100")}
          : new Tier[] {Tier.of("0", true, "99.5", false, "3"), Tier.of("99.5", true, "100", true, "0.5")};
    }

    CapLimit limit() {
      return switch (r.nextInt(3)) {
        case 0 -> new CapLimit.PercentOfFee(decimal(pick("100", "50", "12.5")));
        case 1 -> new CapLimit.Amount(List.of(Money.of(CurrencyUnit.USD, decimal("500")),
            Money.of(CurrencyUnit.EUR, decimal("450.5"))));
        default -> new CapLimit.Days(decimal(pick("30", "7.5")), pick(DayCount.values()));
      };
    }

    ClaimDeadline deadline() {
      return switch (r.nextInt(5)) {
        case 0 -> ClaimDeadline.daysAfterIncident(r.nextInt(60));
        case 1 -> ClaimDeadline.daysAfterPeriodEnd(r.nextInt(60));
        case 2 -> ClaimDeadline.endOfBillingCycleAfterIncident(r.nextInt(3));
        case 3 -> new ClaimDeadline(ClaimDeadline.Kind.FOLLOWING_MONTH, 1);
        default -> new ClaimDeadline(ClaimDeadline.Kind.BUSINESS_DAYS, 1 + r.nextInt(20));
      };
    }

    Condition condition(int depth) {
      int choice = depth >= 2 ? r.nextInt(12) : r.nextInt(15);
      return switch (choice) {
        case 0 -> Conditions.planIn("grid", "pro-" + r.nextInt(9));
        case 1 -> Conditions.placedUnder(Scope.of("grid/cluster-" + r.nextInt(4)));
        case 2 -> Conditions.affectedByOutageTagged("storage");
        case 3 -> Conditions.affectedByOutage("MAINT-" + r.nextInt(100));
        case 4 -> Conditions.standingIn(Standing.Status.GOOD, Standing.Status.OVERDUE);
        case 5 -> Conditions.inGoodStandingAtIncident();
        case 6 -> Conditions.inGoodStandingThroughoutPeriod();
        case 7 -> Conditions.customerSinceOnOrBefore(LocalDate.of(2000 + r.nextInt(20), 1, 1 + r.nextInt(28)));
        case 8 -> Conditions.claimFiledInTime(deadline());
        case 9 -> Conditions.availabilityBelow(decimal("99.95"));
        case 10 -> Conditions.downtimeAtLeast(Duration.ofMinutes(r.nextInt(120)));
        case 11 -> Conditions.activeAt(Instant.ofEpochSecond(1_200_000_000L + r.nextInt(1000)));
        case 12 -> Conditions.all(condition(depth + 1), condition(depth + 1));
        case 13 -> Conditions.any(condition(depth + 1));
        default -> Conditions.not(condition(depth + 1));
      };
    }

    /** A percentage up to 100: the policy may or may not allow more, and these never need it. */
    BigDecimal percent() {
      return decimal(pick("0", "5", "10", "12.5", "100"));
    }

    /** A decimal in the shortest form a document reads: no trailing zeros, no exponent. */
    static BigDecimal decimal(String s) {
      return Walk.shortest(new BigDecimal(s));
    }

    @SafeVarargs
    final <T> T pick(T... options) {
      return options[r.nextInt(options.length)];
    }
  }
}
