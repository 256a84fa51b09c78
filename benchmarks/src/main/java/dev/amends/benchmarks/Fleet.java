package dev.amends.benchmarks;

import dev.amends.core.account.Account;
import dev.amends.core.account.PriceSchedule;
import dev.amends.core.account.Subscription;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.money.Rounding;
import dev.amends.core.outage.Announcement;
import dev.amends.core.outage.Cause;
import dev.amends.core.outage.Impact;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageKind;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.Campaign;
import dev.amends.rules.CapLimit;
import dev.amends.rules.Conditions;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.threeten.extra.Interval;

/**
 * A deterministic synthetic fleet for throughput benchmarks: accounts, the service tree they are
 * placed on, a month of outages, the SLA policy and a goodwill campaign. The same seed and sizes
 * give the same fleet on every run and every machine.
 *
 * <p><b>Service tree.</b> {@code clusters} clusters {@code svc-k/cluster-j} (20 per service,
 * {@code k = j / 20}), each of {@value #NODES_PER_CLUSTER} nodes {@code svc-k/cluster-j/node-i};
 * another {@link Shape} sets clusters per service and nodes per cluster ({@link Shape#ISSUE_16}:
 * 4 services of 50 clusters of 20 nodes).
 *
 * <p><b>Accounts.</b> {@code acct-0000000} upwards, each with one subscription {@code
 * sub-0000000} (plan {@code svc-k}) on a node drawn uniformly, active since 2020 with no end,
 * billed by calendar month: 50 % USD (half New York, half Los Angeles), 30 % EUR (Berlin), 20 %
 * JPY (Tokyo), each at one of four monthly prices of its currency.
 *
 * <p><b>Outages</b> in {@link #MONTH} (starts uniform over the UTC month widened by 14 h on each
 * side, so that some cross a zone's period edge), to the second, ids {@code OUT-000000} upwards:
 * 98.5 % on a node, 1.45 % on a cluster, 0.05 % on a service (so an account sees a handful a month). Of each: 10 % maintenance (nine in
 * ten announced, with a notice from 1 h to 14 days, some just under the policy's 24 h, and an
 * overrun past the announced window in four cases of ten; one in ten starts a quarter of an hour
 * early); 3 % emergency maintenance; the rest unplanned, of which about 4 % customer-caused, 2 %
 * force majeure, 3 % third party, 8 % degraded. Unplanned lengths: 70 % 1–10 min, 25 % 10–45
 * min, 5 % 45–240 min. One more record, {@link #LONG_OUTAGE_ID}, takes one cluster (chosen by the
 * seed) down for nine hours on 14 March; it triggers the {@link #campaign() goodwill campaign}.
 *
 * <p>The canonical shape is 1,000,000 accounts, 200 clusters and 20,000 outages ({@link
 * #canonical(long)}); the benchmark uses fewer accounts with the same clusters and outages, so
 * that each account sees as many outages as in the canonical fleet.
 */
public final class Fleet {
  /** The month every account is decided for. */
  public static final YearMonth MONTH = YearMonth.of(2026, 3);
  /** Nodes per cluster. */
  public static final int NODES_PER_CLUSTER = 100;
  /** Clusters per service. */
  public static final int CLUSTERS_PER_SERVICE = 20;
  /** The SLA policy's id. */
  public static final String POLICY_ID = "fleet-sla";
  /** The goodwill campaign's id. */
  public static final String CAMPAIGN_ID = "goodwill-2026-03";
  /** The id of the one long outage that triggers the goodwill campaign. */
  public static final String LONG_OUTAGE_ID = "LONG-1";
  /** When the long outage starts; it lasts nine hours. */
  public static final Instant LONG_OUTAGE_START = Instant.parse("2026-03-14T03:00:00Z");
  /** When eligibility for the goodwill is judged: inside March in every zone of the fleet. */
  public static final Instant GOODWILL_AT = Instant.parse("2026-03-20T12:00:00Z");
  /** The policy's notice for announced maintenance to be excluded. */
  public static final Duration NOTICE = Duration.ofHours(24);
  /** When every subscription starts. */
  public static final Instant ACTIVE_FROM = Instant.parse("2020-01-01T00:00:00Z");

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final String[] USD = {"9.99", "20.00", "49.00", "129.50"};
  private static final String[] EUR = {"8.99", "19.00", "45.00", "119.00"};
  private static final String[] JPY = {"1200", "2500", "5800", "14800"};
  private static final Duration[] NOTICES = {
      Duration.ofHours(1), Duration.ofHours(12), Duration.ofHours(24).minusMinutes(1), Duration.ofHours(24),
      Duration.ofDays(3), Duration.ofDays(14)};

  private final long seed;
  private final List<Account> accounts;
  private final List<Outage> outages;
  private final Scope goodwillCluster;
  private final Map<ZoneId, BillingPeriod> periods;

  private Fleet(long seed, List<Account> accounts, List<Outage> outages, Scope goodwillCluster) {
    this.seed = seed;
    this.accounts = List.copyOf(accounts);
    this.outages = List.copyOf(outages);
    this.goodwillCluster = goodwillCluster;
    Map<ZoneId, BillingPeriod> p = new HashMap<>();
    for (ZoneId z : List.of(NEW_YORK, LOS_ANGELES, BERLIN, TOKYO)) {
      p.put(z, BillingPeriod.month(MONTH, z));
    }
    this.periods = Map.copyOf(p);
  }

  /** The canonical fleet: 1,000,000 accounts, 200 clusters, 20,000 outages. */
  public static Fleet canonical(long seed) {
    return generate(seed, 1_000_000, 200, 20_000);
  }

  /**
   * Generates a fleet.
   *
   * @param seed the random seed
   * @param accountCount how many accounts, positive
   * @param clusterCount how many clusters, positive
   * @param outageCount how many outage records in all, the long one included, positive
   * @return the fleet, not null
   * @throws IllegalArgumentException if a count is not positive
   */
  public static Fleet generate(long seed, int accountCount, int clusterCount, int outageCount) {
    List<Account> accounts = new ArrayList<>(accountCount);
    Fleet f = generate(seed, accountCount, clusterCount, outageCount, accounts::add);
    return new Fleet(seed, accounts, f.outages, f.goodwillCluster);
  }

  /**
   * Generates a fleet of a given shape, holding its accounts.
   *
   * @param seed the random seed
   * @param accountCount how many accounts, positive
   * @param shape the service tree and the outages' count, not null
   * @return the fleet, not null
   * @throws IllegalArgumentException if a count is not positive
   */
  public static Fleet generate(long seed, int accountCount, Shape shape) {
    List<Account> accounts = new ArrayList<>(Math.max(accountCount, 0));
    Fleet f = generate(seed, accountCount, shape, accounts::add);
    return new Fleet(seed, accounts, f.outages, f.goodwillCluster);
  }

  /**
   * Generates a fleet without holding its accounts: each account is handed to {@code accounts}
   * as it is made, in id order, and none is kept, so a million accounts need no more memory than
   * one. The accounts, outages and goodwill cluster are those of {@link #generate(long, int, int,
   * int)} with the same arguments.
   *
   * @param seed the random seed
   * @param accountCount how many accounts, positive
   * @param clusterCount how many clusters, positive
   * @param outageCount how many outage records in all, the long one included, positive
   * @param accounts takes each account, in id order, not null
   * @return the fleet, whose {@link #accounts()} is empty, not null
   * @throws IllegalArgumentException if a count is not positive
   */
  public static Fleet generate(long seed, int accountCount, int clusterCount, int outageCount,
      Consumer<? super Account> accounts) {
    return generate(seed, accountCount, new Shape(clusterCount, CLUSTERS_PER_SERVICE, NODES_PER_CLUSTER, outageCount),
        accounts);
  }

  /**
   * The shape of a fleet's service tree and its month of outages: {@code clusters} clusters,
   * {@code clustersPerService} to a service (the last service may have fewer), {@code
   * nodesPerCluster} nodes each, and {@code outages} outage records in all, the long one included.
   *
   * @param clusters how many clusters, positive
   * @param clustersPerService clusters per service, positive
   * @param nodesPerCluster nodes per cluster, positive
   * @param outages outage records in all, positive
   */
  public record Shape(int clusters, int clustersPerService, int nodesPerCluster, int outages) {
    /**
     * The canonical shape: 200 clusters, 20 to a service (10 services), 100 nodes each (20,000
     * nodes), 20,000 outages.
     */
    public static final Shape CANONICAL = new Shape(200, CLUSTERS_PER_SERVICE, NODES_PER_CLUSTER, 20_000);
    /**
     * The shape of issue 16's independent benchmark: 4 services of 50 clusters of 20 nodes (4,000
     * nodes), 2,000 outages.
     */
    public static final Shape ISSUE_16 = new Shape(200, 50, 20, 2_000);

    /**
     * The shape named {@code name}: {@code canonical} or {@code issue16}.
     *
     * @throws IllegalArgumentException for another name
     */
    public static Shape named(String name) {
      return switch (name) {
        case "canonical" -> CANONICAL;
        case "issue16" -> ISSUE_16;
        default -> throw new IllegalArgumentException("shape must be canonical or issue16: " + name);
      };
    }

    /** All nodes: clusters times nodes per cluster. */
    public int nodes() {
      return clusters * nodesPerCluster;
    }
  }

  /**
   * Generates a fleet of a given shape without holding its accounts, as {@link #generate(long,
   * int, int, int, Consumer)} does; with {@link Shape#CANONICAL}'s clusters per service and nodes
   * per cluster, the same fleet as that method with the same clusters and outages.
   *
   * @param seed the random seed
   * @param accountCount how many accounts, positive
   * @param shape the service tree and the outages' count, not null
   * @param accounts takes each account, in id order, not null
   * @return the fleet, whose {@link #accounts()} is empty, not null
   * @throws IllegalArgumentException if a count is not positive
   */
  public static Fleet generate(long seed, int accountCount, Shape shape, Consumer<? super Account> accounts) {
    int clusterCount = shape.clusters();
    int outageCount = shape.outages();
    int perService = shape.clustersPerService();
    int perCluster = shape.nodesPerCluster();
    if (accountCount <= 0 || clusterCount <= 0 || outageCount <= 0 || perService <= 0 || perCluster <= 0) {
      throw new IllegalArgumentException("counts must be positive: accounts " + accountCount + ", clusters "
          + clusterCount + ", outages " + outageCount
          + (perService <= 0 || perCluster <= 0
              ? ", clusters per service " + perService + ", nodes per cluster " + perCluster : ""));
    }
    SplittableRandom random = new SplittableRandom(seed);
    Scope[] clusters = new Scope[clusterCount];
    Scope[] nodes = new Scope[Math.multiplyExact(clusterCount, perCluster)];
    int serviceCount = (clusterCount + perService - 1) / perService;
    Scope[] services = new Scope[serviceCount];
    for (int k = 0; k < serviceCount; k++) {
      services[k] = Scope.of("svc-" + k);
    }
    for (int j = 0; j < clusterCount; j++) {
      clusters[j] = Scope.of("svc-" + (j / perService) + "/cluster-" + j);
      for (int i = 0; i < perCluster; i++) {
        nodes[j * perCluster + i] = Scope.of(clusters[j].path() + "/node-" + i);
      }
    }
    Map<String, PriceSchedule> schedules = new HashMap<>();
    for (int a = 0; a < accountCount; a++) {
      int c = random.nextInt(10);
      int p = random.nextInt(4);
      int node = random.nextInt(nodes.length);
      CurrencyUnit currency;
      ZoneId zone;
      String price;
      if (c < 5) {
        currency = CurrencyUnit.USD;
        zone = c < 3 ? NEW_YORK : LOS_ANGELES;
        price = USD[p];
      } else if (c < 8) {
        currency = CurrencyUnit.EUR;
        zone = BERLIN;
        price = EUR[p];
      } else {
        currency = CurrencyUnit.JPY;
        zone = TOKYO;
        price = JPY[p];
      }
      PriceSchedule prices = schedules.computeIfAbsent(currency.getCode() + " " + price,
          k -> PriceSchedule.monthly(Money.of(currency, new BigDecimal(price))));
      String n = String.format("%07d", a);
      accounts.accept(Account.builder()
          .id("acct-" + n)
          .currency(currency)
          .zone(zone)
          .addSubscriptions(Subscription.builder()
              .id("sub-" + n)
              .plan("svc-" + (node / perCluster / perService))
              .prices(prices)
              .active(ACTIVE_FROM, Instant.MAX)
              .addPlacements(nodes[node])
              .build())
          .build());
    }

    Instant from = MONTH.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minus(Duration.ofHours(14));
    Instant to = MONTH.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
        .plus(Duration.ofHours(14));
    long span = Duration.between(from, to).getSeconds();
    List<Outage> outages = new ArrayList<>(outageCount);
    for (int i = 0; i < outageCount - 1; i++) {
      Instant start = from.plusSeconds(random.nextLong(span));
      int where = random.nextInt(10_000);
      Scope scope = where < 9850 ? nodes[random.nextInt(nodes.length)]
          : where < 9995 ? clusters[random.nextInt(clusters.length)]
          : services[random.nextInt(services.length)];
      Outage.Builder b = Outage.builder().id(String.format("OUT-%06d", i)).addScopes(scope);
      int kind = random.nextInt(100);
      if (kind < 10) {
        long promised = 60L * (30 + random.nextInt(151)); // 30 to 180 min
        boolean overrun = random.nextInt(10) < 4;
        long actual = overrun ? promised + 60L * (5 + random.nextInt(236)) : promised * (50 + random.nextInt(51)) / 100;
        Instant actualStart = random.nextInt(10) == 0 ? start.minus(Duration.ofMinutes(15)) : start;
        b.kind(OutageKind.MAINTENANCE).window(actualStart, start.plusSeconds(actual));
        if (random.nextInt(10) != 0) {
          Duration notice = NOTICES[random.nextInt(NOTICES.length)];
          b.announcement(Announcement.of(start.minus(notice), Interval.of(start, start.plusSeconds(promised))));
        }
      } else if (kind < 13) {
        b.kind(OutageKind.EMERGENCY_MAINTENANCE).window(start, start.plusSeconds(60L * (10 + random.nextInt(81))));
      } else {
        int length = random.nextInt(100);
        long seconds = length < 70 ? 60 + random.nextInt(541)
            : length < 95 ? 600 + random.nextInt(2101)
            : 2700 + random.nextInt(11701);
        b.window(start, start.plusSeconds(seconds));
        int cause = random.nextInt(100);
        if (cause < 4) {
          b.cause(Cause.CUSTOMER);
        } else if (cause < 6) {
          b.cause(Cause.FORCE_MAJEURE);
        } else if (cause < 9) {
          b.cause(Cause.THIRD_PARTY);
        }
        if (random.nextInt(100) < 8) {
          b.impact(Impact.degraded());
        }
      }
      outages.add(b.build());
    }
    Scope goodwill = clusters[random.nextInt(clusters.length)];
    outages.add(Outage.builder().id(LONG_OUTAGE_ID).addScopes(goodwill)
        .window(LONG_OUTAGE_START, LONG_OUTAGE_START.plus(Duration.ofHours(9))).build());
    return new Fleet(seed, List.of(), outages, goodwill);
  }

  /** The seed the fleet was generated from. */
  public long seed() {
    return seed;
  }

  /** The accounts, in id order. */
  public List<Account> accounts() {
    return accounts;
  }

  /** The outage records, the long one last. */
  public List<Outage> outages() {
    return outages;
  }

  /** The cluster of the long outage, whose customers the goodwill campaign is for. */
  public Scope goodwillCluster() {
    return goodwillCluster;
  }

  /** An account's billing period for {@link #MONTH}: the calendar month in its zone. */
  public BillingPeriod period(Account account) {
    BillingPeriod p = periods.get(account.zone());
    return p != null ? p : BillingPeriod.month(MONTH, account.zone());
  }

  /**
   * The SLA policy {@value #POLICY_ID}: a cap of 100 % of the fee over the most generous of
   * availability tiers (99.0–99.9 % gives 10 %, 95–99 % gives 25 %, below 95 % gives 100 %) and 5
   * % per started 30 minutes of downtime; rule paths {@code sla/best/tiers} and {@code
   * sla/best/blocks}. Measurement: announced maintenance is excluded inside its announced window
   * when announced at least {@link #NOTICE} ahead (overruns count); customer-caused and force
   * majeure outages are excluded; degraded service does not count. Rounded half-up.
   */
  public static Policy policy() {
    return Policy.builder()
        .id(POLICY_ID).version(1)
        .effectiveFrom(ACTIVE_FROM)
        .measurementRules(MeasurementRules.builder()
            .maintenanceNotice(NOTICE)
            .addExcludedCauses(Cause.CUSTOMER, Cause.FORCE_MAJEURE)
            .degradedCounts(false)
            .build())
        .rule(slaRule())
        .rounding(Rounding.of(RoundingMode.HALF_UP))
        .build();
  }

  /**
   * The rule tree of the SLA: a cap of 100 % of the fee over the most generous of availability
   * tiers (10 / 25 / 100 %) and 5 % per started 30 minutes; paths {@code sla/best/tiers} and
   * {@code sla/best/blocks}. Shared by every benchmark, so they all measure the same policy.
   */
  public static RuleNode slaRule() {
    return Rules.cap("sla", CapLimit.percentOfFee(new BigDecimal("100")),
        Rules.mostGenerous("best",
            Rules.availabilityTiers("tiers",
                Tier.range("99.0", "99.9", "10"),
                Tier.range("95.0", "99.0", "25"),
                Tier.range("0", "95.0", "100")),
            Rules.perBlock("blocks", Duration.ofMinutes(30), new BigDecimal("5"), Rules.BlockCount.STARTED)));
  }

  /**
   * The goodwill campaign {@value #CAMPAIGN_ID}: two months free (at the monthly price) for
   * every subscription placed under {@link #goodwillCluster()}, judged at {@link #GOODWILL_AT};
   * rule path {@code goodwill-2026-03/two-months}.
   */
  public Campaign campaign() {
    return Campaign.builder()
        .id(CAMPAIGN_ID)
        .eligibleAt(GOODWILL_AT)
        .eligibility(Conditions.placedUnder(goodwillCluster))
        .unit(Campaign.Unit.PER_SUBSCRIPTION)
        .grant(Rules.freePeriods("two-months", new BigDecimal("2"), Rules.FreePeriodValue.MONTHLY_PRICE))
        .rounding(Rounding.of(RoundingMode.HALF_UP))
        .build();
  }

  /** An engine for the fleet: its outages, the SLA policy and the goodwill campaign; traces on. */
  public CreditEngine engine() {
    return engine(true);
  }

  /**
   * An engine for the fleet, recording traces or not ({@link CreditEngine.Builder#traces(boolean)}).
   * The hand-written loop builds no trace, so the throughput comparison uses traces off.
   */
  public CreditEngine engine(boolean traces) {
    return CreditEngine.builder()
        .policies(PolicyBook.of(policy()))
        .outages(OutageLog.of(outages))
        .campaigns(campaign())
        .traces(traces)
        .build();
  }
}
