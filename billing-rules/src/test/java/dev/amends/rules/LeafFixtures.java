package dev.amends.rules;

import dev.amends.core.account.Account;
import dev.amends.core.account.PeriodFee;
import dev.amends.core.account.Price;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Proration;
import dev.amends.core.account.Standing;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.Contribution;
import dev.amends.core.measure.Measurement;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.WindowSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Named fixtures for the leaf-rule, condition and claim-deadline tests: a {@link RuleContext}
 * stated plainly, as "a subscription at USD 20.00 a month, June 2024 in New York, 120 minutes
 * down".
 *
 * <p>The measurement is stated directly (no measurer): the downtime given, the period's length as
 * the denominator, and the exact availability {@code (denominator - downtime) / denominator}.
 */
final class LeafFixtures {
  private LeafFixtures() {}

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final CurrencyUnit USD = CurrencyUnit.USD;
  static final CurrencyUnit JPY = CurrencyUnit.JPY;
  static final CurrencyUnit BHD = CurrencyUnit.of("BHD");

  /** June 2024 in New York: 30 days, no DST change, 43,200 minutes. */
  static final BillingPeriod JUNE_2024_NY = BillingPeriod.month(YearMonth.of(2024, 6), NEW_YORK);
  /** July 2024 in New York: 31 days, no DST change, 44,640 minutes. */
  static final BillingPeriod JULY_2024_NY = BillingPeriod.month(YearMonth.of(2024, 7), NEW_YORK);

  static final Money USD_20_00 = Money.parse("USD 20.00");

  static final Rounding HALF_UP = Rounding.of(RoundingMode.HALF_UP);
  static final Rounding HALF_EVEN = Rounding.of(RoundingMode.HALF_EVEN);

  /** {@code money("USD 0.25")}, {@code money("JPY 1005")}, {@code money("BHD 0.125")}. */
  static Money money(String text) {
    return Money.parse(text);
  }

  /** Exact decimal minutes: {@code minutes("43.2")} is 43 min 12 s. */
  static Duration minutes(String decimalMinutes) {
    BigDecimal nanos = new BigDecimal(decimalMinutes).multiply(new BigDecimal("60000000000"));
    return Duration.ofNanos(nanos.toBigIntegerExact().longValueExact());
  }

  /** An unplanned outage on {@code grid} with a window and tags. */
  static Outage outage(String id, Instant start, Instant end, String... tags) {
    return Outage.builder().id(id).addScopes(Scope.of("grid")).window(start, end).addTags(tags).build();
  }

  /**
   * June 2024 in New York measured from telemetry, 90 minutes down, no outage records: two bad
   * windows, 3 June 14:00–15:00Z and 20 June 23:30Z–21 June 00:00Z.
   */
  static RuleContext telemetryJune2024() {
    RuleContext outages = given(USD_20_00).downMinutes("90").context();
    Measurement telemetry = Measurement.builder().from(outages.measurement())
        .source(Measurement.Source.TELEMETRY)
        .counted(WindowSet.of(List.of(
            org.threeten.extra.Interval.of(Instant.parse("2024-06-03T14:00:00Z"), Instant.parse("2024-06-03T15:00:00Z")),
            org.threeten.extra.Interval.of(Instant.parse("2024-06-20T23:30:00Z"), Instant.parse("2024-06-21T00:00:00Z")))))
        .build();
    return RuleContext.builder().from(outages).measurement(telemetry).build();
  }

  static Given given(Money monthlyPrice) {
    return new Given().price(monthlyPrice);
  }

  /** A one-rule policy, in force long before the fixtures' periods. */
  static Policy onePolicy(RuleNode rule, Rounding rounding) {
    return Policy.builder()
        .id("p")
        .version(1)
        .effectiveFrom(Instant.parse("2000-01-01T00:00:00Z"))
        .rule(rule)
        .rounding(rounding)
        .build();
  }

  /** An engine for one policy and an outage log. */
  static CreditEngine engineFor(Policy p, Outage... outages) {
    return CreditEngine.builder().policies(PolicyBook.of(p)).outages(OutageLog.of(List.of(outages))).build();
  }

  /** A fluent statement of the facts; {@link #context()} builds the {@link RuleContext}. */
  static final class Given {
    private PriceSchedule prices;
    private int seats = 1;
    private BillingPeriod period = JUNE_2024_NY;
    private Duration downtime = Duration.ZERO;
    private String plan = "grid";
    private final List<Scope> placements = new ArrayList<>(List.of(Scope.of("grid/cluster-2")));
    private Standing standing = Standing.good();
    private LocalDate customerSince;
    private Instant activeFrom = Instant.parse("2020-01-01T05:00:00Z");
    private Instant activeUntil = Instant.MAX;
    private final List<Outage> counted = new ArrayList<>();
    private final List<Outage> uncounted = new ArrayList<>();
    private Claim claim;

    Given price(Money monthly) {
      this.prices = PriceSchedule.of(Price.monthly(LocalDate.of(2000, 1, 1), monthly));
      return this;
    }

    Given priceFrom(LocalDate effectiveFrom, Money monthly) {
      this.prices = PriceSchedule.of(Price.monthly(effectiveFrom, monthly));
      return this;
    }

    Given price(Money amount, BillingCycle per) {
      this.prices = PriceSchedule.of(Price.of(LocalDate.of(2000, 1, 1), amount, per));
      return this;
    }

    Given seats(int n) {
      this.seats = n;
      return this;
    }

    Given period(BillingPeriod p) {
      this.period = p;
      return this;
    }

    Given down(Duration d) {
      this.downtime = d;
      return this;
    }

    Given downMinutes(String decimalMinutes) {
      return down(minutes(decimalMinutes));
    }

    Given plan(String p) {
      this.plan = p;
      return this;
    }

    Given placedOn(Scope... scopes) {
      placements.clear();
      placements.addAll(List.of(scopes));
      return this;
    }

    Given standing(Standing s) {
      this.standing = s;
      return this;
    }

    Given customerSince(LocalDate d) {
      this.customerSince = d;
      return this;
    }

    Given active(Instant from, Instant until) {
      this.activeFrom = from;
      this.activeUntil = until;
      return this;
    }

    /** An outage whose window counted as downtime (its contribution is in the measurement). */
    Given countedOutage(Outage o) {
      counted.add(o);
      return this;
    }

    /** An outage that touched the subscription but did not count (say, announced maintenance). */
    Given uncountedOutage(Outage o) {
      uncounted.add(o);
      return this;
    }

    Given claimFiledAt(Instant at) {
      this.claim = Claim.builder().id("CLM-1").filedAt(at).build();
      return this;
    }

    Subscription subscription() {
      return Subscription.builder()
          .id("sub-1")
          .plan(plan)
          .prices(prices)
          .seats(seats)
          .active(activeFrom, activeUntil)
          .placements(placements)
          .build();
    }

    Account account() {
      Account.Builder b = Account.builder()
          .id("acct-1")
          .currency(prices.currency())
          .zone(NEW_YORK)
          .standing(standing)
          .addSubscriptions(subscription());
      if (customerSince != null) {
        b.customerSince(customerSince);
      }
      return b.build();
    }

    Measurement measurement() {
      Duration denominator = period.length();
      List<Contribution> contributions = counted.stream()
          .map(o -> new Contribution(o.id(), WindowSet.of(o.window()), o.window().toDuration()))
          .toList();
      List<String> ids = new ArrayList<>();
      counted.forEach(o -> ids.add(o.id()));
      uncounted.forEach(o -> ids.add(o.id()));
      return Measurement.builder()
          .subscriptionId("sub-1")
          .period(period)
          .measuredWindow(period.window())
          .downtime(downtime)
          .denominator(denominator)
          .availability(Ratio.of(downtime, denominator).complement())
          .contributions(contributions)
          .outageIds(ids)
          .build();
    }

    RuleContext context() {
      Account account = account();
      Subscription sub = account.subscriptions().get(0);
      List<Outage> all = new ArrayList<>(counted);
      all.addAll(uncounted);
      all.sort(Comparator.comparing(o -> o.window().getStart()));
      RuleContext.Builder b = RuleContext.builder();
      b.account(account)
          .subscription(sub)
          .period(period)
          .fee(PeriodFee.of(account, sub, period, Proration.BY_TIME))
          .measurement(measurement())
          .outages(all)
          .evaluatedAt(period.end());
      if (claim != null) {
        b.claim(claim);
      }
      return b.build();
    }
  }
}
