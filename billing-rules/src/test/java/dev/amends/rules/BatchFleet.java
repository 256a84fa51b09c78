package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.HALF_UP;
import static dev.amends.rules.RuleFixtures.JUNE_2024_UTC;
import static dev.amends.rules.RuleFixtures.LONG_AGO;

import dev.amends.core.account.Account;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Granularity;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.joda.money.Money;
import org.threeten.extra.Interval;

/**
 * A small deterministic fleet for batch tests: accounts on a dozen clusters of {@code grid},
 * many sharing placements, some starting or ending inside June 2024, under two policies with
 * different measurement rules, and a month of mixed outages (blips, unplanned, degraded,
 * announced maintenance with enough or too little notice, a grid-wide outage).
 */
final class BatchFleet {
  static final int CLUSTERS = 12;

  private BatchFleet() {}

  /** An engine over the fleet's outages with a tiered SLA and a per-block goodwill policy. */
  static CreditEngine engine(long seed) {
    Policy sla = RuleFixtures.policyBuilder("sla",
            Rules.cap("cap", CapLimit.percentOfFee(new BigDecimal("100")),
                Rules.mostGenerous("best-of",
                    Rules.availabilityTiers("tiers",
                        Tier.range("99.0", "99.9", "10"), Tier.range("95.0", "99.0", "25"),
                        Tier.range("0", "95.0", "100")),
                    Rules.perBlock("blocks", Duration.ofMinutes(30), new BigDecimal("5"),
                        Rules.BlockCount.STARTED))),
            HALF_UP)
        .measurementRules(MeasurementRules.builder()
            .maintenanceNotice(Duration.ofHours(24))
            .minimumDowntime(Duration.ofMinutes(5))
            .build())
        .build();
    Policy hourly = RuleFixtures.policyBuilder("hourly",
            Rules.perBlock("per-hour", Duration.ofHours(1), new BigDecimal("2"), Rules.BlockCount.COMPLETED),
            HALF_UP)
        .measurementRules(MeasurementRules.builder()
            .granularity(Granularity.startedSlices(Duration.ofMinutes(15)))
            .build())
        .build();
    return CreditEngine.builder().policies(PolicyBook.of(sla, hourly)).outages(OutageLog.of(outages(seed))).build();
  }

  static List<Outage> outages(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Interval june = JUNE_2024_UTC.window();
    long seconds = june.toDuration().getSeconds();
    List<Outage> out = new ArrayList<>();
    for (int i = 0; i < CLUSTERS * 15; i++) {
      Instant start = june.getStart().plusSeconds(random.nextLong(seconds));
      Outage.Builder b = Outage.builder().id("SYN-" + i).addScopes(cluster(random.nextInt(CLUSTERS)));
      int kind = random.nextInt(100);
      if (kind < 50) {
        b.window(start, start.plusSeconds(10 + random.nextInt(400)));
      } else if (kind < 80) {
        b.window(start, start.plus(Duration.ofMinutes(5 + random.nextInt(300))));
        if (random.nextInt(5) == 0) {
          b.impact(Impact.degraded());
        }
      } else {
        Instant end = start.plus(Duration.ofMinutes(60 + random.nextInt(121)));
        Instant promisedEnd = start.plus(Duration.ofMinutes(60 + random.nextInt(61)));
        Duration notice = random.nextBoolean() ? Duration.ofDays(10) : Duration.ofHours(1);
        b.window(start, end).kind(OutageKind.MAINTENANCE)
            .announcement(Announcement.of(start.minus(notice), Interval.of(start, promisedEnd)));
      }
      out.add(b.build());
    }
    Instant grid = Instant.parse("2024-06-30T23:00:00Z"); // runs across the period's end
    out.add(Outage.builder().id("GRID-1").addScopes(Scope.of("grid")).window(grid, grid.plus(Duration.ofHours(3)))
        .build());
    return out;
  }

  static Scope cluster(int i) {
    return Scope.of("grid/c-" + i);
  }

  /** The {@code i}-th account's request for June 2024: one to three subscriptions. */
  static DecisionRequest request(long seed, int i) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
    Account.Builder a = Account.builder().id("acct-" + i).currency(RuleFixtures.USD_20_00.getCurrencyUnit())
        .zone(JUNE_2024_UTC.zone());
    int subs = 1 + r.nextInt(3);
    for (int s = 0; s < subs; s++) {
      Instant from = switch (r.nextInt(8)) {
        case 0 -> Instant.parse("2024-06-12T00:00:00Z");
        case 1 -> Instant.parse("2024-06-30T23:58:00Z"); // inside the minimum downtime of the end
        default -> LONG_AGO;
      };
      Instant until = r.nextInt(8) == 0 ? Instant.parse("2024-06-20T00:00:00Z") : Instant.MAX;
      if (!until.isAfter(from)) {
        until = Instant.MAX;
      }
      Subscription.Builder sub = Subscription.builder().id("sub-" + s).plan("grid")
          .prices(PriceSchedule.monthly(Money.parse(r.nextBoolean() ? "USD 20.00" : "USD 49.00")))
          .active(from, until)
          .addPlacements(cluster(r.nextInt(CLUSTERS)));
      if (r.nextInt(4) == 0) {
        sub.addPlacements(cluster(r.nextInt(CLUSTERS)));
      }
      a.addSubscriptions(sub.build());
    }
    return DecisionRequest.of(a.build(), JUNE_2024_UTC);
  }

  static List<DecisionRequest> requests(long seed, int count) {
    List<DecisionRequest> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(request(seed, i));
    }
    return out;
  }
}
