package dev.amends.testkit;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.account.Standing;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.scope.Scope;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.core.time.BillingCycle;
import dev.amends.core.time.BillingPeriod;
import dev.amends.core.time.BillingSchedule;
import dev.amends.rules.CarriedCredit;
import dev.amends.rules.Campaign;
import dev.amends.rules.Claim;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.CreditLine;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.joda.money.CurrencyUnit;
import org.threeten.extra.Interval;

/**
 * The facts of one test, stated in a few lines: an account, its subscriptions (plan, price,
 * placements), outage records, telemetry, claims, and the billing period; then {@code
 * decideWith(policy)} gives the {@link CreditDecision}.
 *
 * <pre>{@code
 * CreditDecision d = Scenario.account("acct-1").currency("USD").zone("America/New_York")
 *     .subscription("sub-1", s -> s.plan("grid").monthly("USD 20.00").on("grid/cluster-2"))
 *     .outage("MAINT-1", o -> o.on("grid/cluster-2").from("2007-12-01T00:00").until("2007-12-01T13:00")
 *         .announcedMaintenance("2007-11-21T00:00", "2007-12-01T00:00", "2007-12-01T06:00"))
 *     .period(YearMonth.of(2007, 12))
 *     .decideWith(policy);
 * }</pre>
 *
 * <p><b>Times</b> are text: a local date-time ({@code "2007-12-01T00:00"}) or date ({@code
 * "2007-12-01"}, its start) read in the account's zone, or an instant with {@code Z} or an offset
 * ({@code "2007-12-01T05:00:00Z"}). A local time that a daylight-saving change skips or repeats
 * is refused. <b>Money</b> is text such as {@code "USD 20.00"}, or {@code "20.00"} in the
 * account's currency.
 *
 * <p><b>Defaults</b>: the zone is UTC, billing is by calendar month in that zone, the currency is
 * that of the first price that names one, standing is good; subscriptions are described in
 * {@link SubscriptionSpec}, outages in {@link OutageSpec}. Nothing is checked until the scenario
 * is built ({@link #account()}, {@link #request()}, {@code decideWith}); then a bad value raises
 * {@link InvalidInputException} naming it, such as {@code scenario.outages[OUT-1].until}.
 *
 * <p>Immutable and thread-safe: every method returns a new scenario, so a base scenario can be
 * shared by several tests and varied by each.
 */
public final class Scenario {
  private record TelemetryText(String scope, String from, String until, Duration every, long good, long total,
      Ratio errorRate) {}

  private record ClaimText(String id, String filedAt, String subscriptionId) {}

  private final String accountId;
  private final CurrencyUnit currency;
  private final ZoneId zone;
  private final BillingCycle cycle;
  private final LocalDate anchor;
  private final Standing standing;
  private final LocalDate customerSince;
  private final List<SubscriptionSpec> subscriptions;
  private final List<OutageSpec> outages;
  private final List<TelemetryText> telemetry;
  private final List<ClaimText> claims;
  private final List<IssuedCredit> issued;
  private final List<CarriedCredit> carriedIn;
  private final Object period;
  private final String evaluatedAt;

  /** The scenario's fields while one method changes them; copied into a new scenario. */
  private static final class Draft {
    String accountId;
    CurrencyUnit currency;
    ZoneId zone = ZoneOffset.UTC;
    BillingCycle cycle = BillingCycle.MONTHLY;
    LocalDate anchor;
    Standing standing = Standing.good();
    LocalDate customerSince;
    List<SubscriptionSpec> subscriptions = new ArrayList<>();
    List<OutageSpec> outages = new ArrayList<>();
    List<TelemetryText> telemetry = new ArrayList<>();
    List<ClaimText> claims = new ArrayList<>();
    List<IssuedCredit> issued = new ArrayList<>();
    List<CarriedCredit> carriedIn = new ArrayList<>();
    Object period;
    String evaluatedAt;
  }

  private Scenario(Draft d) {
    this.accountId = d.accountId;
    this.currency = d.currency;
    this.zone = d.zone;
    this.cycle = d.cycle;
    this.anchor = d.anchor;
    this.standing = d.standing;
    this.customerSince = d.customerSince;
    this.subscriptions = List.copyOf(d.subscriptions);
    this.outages = List.copyOf(d.outages);
    this.telemetry = List.copyOf(d.telemetry);
    this.claims = List.copyOf(d.claims);
    this.issued = List.copyOf(d.issued);
    this.carriedIn = List.copyOf(d.carriedIn);
    this.period = d.period;
    this.evaluatedAt = d.evaluatedAt;
  }

  private Scenario edit(Consumer<Draft> change) {
    Draft d = new Draft();
    d.accountId = accountId;
    d.currency = currency;
    d.zone = zone;
    d.cycle = cycle;
    d.anchor = anchor;
    d.standing = standing;
    d.customerSince = customerSince;
    d.subscriptions.addAll(subscriptions);
    d.outages.addAll(outages);
    d.telemetry.addAll(telemetry);
    d.claims.addAll(claims);
    d.issued.addAll(issued);
    d.carriedIn.addAll(carriedIn);
    d.period = period;
    d.evaluatedAt = evaluatedAt;
    change.accept(d);
    return new Scenario(d);
  }

  /**
   * A scenario for an account.
   *
   * @param id the account's id, not null
   * @return the scenario, not null
   */
  public static Scenario account(String id) {
    Draft d = new Draft();
    d.accountId = Texts.notNull("scenario.account.id", id);
    return new Scenario(d);
  }

  /** The account's currency, such as {@code "USD"}; by default that of the first price naming one. */
  public Scenario currency(String code) {
    Texts.notNull("scenario.account.currency", code);
    CurrencyUnit c;
    try {
      c = CurrencyUnit.of(code);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("scenario.account.currency", "is not a known currency code", code);
    }
    return edit(d -> d.currency = c);
  }

  /** The account's time zone, such as {@code "America/New_York"}; UTC by default. */
  public Scenario zone(String zoneId) {
    Texts.notNull("scenario.account.zone", zoneId);
    ZoneId z;
    try {
      z = ZoneId.of(zoneId);
    } catch (java.time.DateTimeException e) {
      throw InvalidInputException.of("scenario.account.zone", "is not a time zone id", zoneId);
    }
    return edit(d -> d.zone = z);
  }

  /** Calendar-aligned billing periods of a cycle (months, quarters, years); calendar months by default. */
  public Scenario billedEvery(BillingCycle billingCycle) {
    Texts.notNull("scenario.account.billing.cycle", billingCycle);
    return edit(d -> {
      d.cycle = billingCycle;
      d.anchor = null;
    });
  }

  /** Billing periods of a cycle starting on an anniversary day, such as {@code "2024-01-31"}. */
  public Scenario billedEvery(BillingCycle billingCycle, String anniversary) {
    Texts.notNull("scenario.account.billing.cycle", billingCycle);
    LocalDate a = parseDate("scenario.account.billing.anchor", anniversary);
    return edit(d -> {
      d.cycle = billingCycle;
      d.anchor = a;
    });
  }

  /** The account's standing over time; good by default. */
  public Scenario standing(Standing s) {
    Texts.notNull("scenario.account.standing", s);
    return edit(d -> d.standing = s);
  }

  /** The first day the customer was a customer, such as {@code "2006-01-01"}. */
  public Scenario customerSince(String date) {
    LocalDate since = parseDate("scenario.account.customerSince", date);
    return edit(d -> d.customerSince = since);
  }

  /**
   * Adds a subscription.
   *
   * @param id its id, unique in the account
   * @param spec states it: {@code s -> s.plan("grid").monthly("USD 20.00").on("grid/cluster-2")}
   */
  public Scenario subscription(String id, UnaryOperator<SubscriptionSpec> spec) {
    Texts.notNull("scenario.subscriptions.id", id);
    SubscriptionSpec s = Texts.notNull("scenario.subscriptions[" + id + "]",
        Texts.notNull("scenario.subscriptions[" + id + "]", spec).apply(new SubscriptionSpec(id)));
    return edit(d -> d.subscriptions.add(s));
  }

  /**
   * Adds an outage record.
   *
   * @param id its id, unique in the scenario
   * @param spec states it: {@code o -> o.on("grid/cluster-2").from("2024-06-10T10:00").until("2024-06-10T13:00")}
   */
  public Scenario outage(String id, UnaryOperator<OutageSpec> spec) {
    Texts.notNull("scenario.outages.id", id);
    OutageSpec o = Texts.notNull("scenario.outages[" + id + "]",
        Texts.notNull("scenario.outages[" + id + "]", spec).apply(new OutageSpec(id)));
    return edit(d -> d.outages.add(o));
  }

  /**
   * Adds telemetry for a scope: back-to-back samples of {@code every} from {@code from} to
   * {@code until}, each with the same request counts (the last sample may be shorter).
   *
   * <pre>{@code
   * .telemetry("api", "2024-06-01", "2024-07-01", Duration.ofMinutes(5), 10_000, 10_000)   // all good
   * .telemetry("api", "2024-06-10T10:00", "2024-06-10T10:30", Duration.ofMinutes(1), 9_000, 10_000)  // 10 % errors
   * }</pre>
   *
   * Later telemetry must not overlap earlier telemetry of the same scope.
   */
  public Scenario telemetry(String scope, String from, String until, Duration every, long good, long total) {
    TelemetryText t = new TelemetryText(Texts.notNull("scenario.telemetry.scope", scope),
        Texts.notNull("scenario.telemetry.from", from), Texts.notNull("scenario.telemetry.until", until),
        positive(every), good, total, null);
    return edit(d -> d.telemetry.add(t));
  }

  /** Adds telemetry given as an error rate, such as {@code Ratio.of(1, 100)}, in back-to-back samples. */
  public Scenario telemetry(String scope, String from, String until, Duration every, Ratio errorRate) {
    TelemetryText t = new TelemetryText(Texts.notNull("scenario.telemetry.scope", scope),
        Texts.notNull("scenario.telemetry.from", from), Texts.notNull("scenario.telemetry.until", until),
        positive(every), 0, 0, Texts.notNull("scenario.telemetry.errorRate", errorRate));
    return edit(d -> d.telemetry.add(t));
  }

  /** Adds a claim for every subscription of the account, filed at an instant. */
  public Scenario claim(String id, String filedAt) {
    ClaimText c = new ClaimText(Texts.notNull("scenario.claims.id", id), Texts.notNull("scenario.claims.filedAt",
        filedAt), null);
    return edit(d -> d.claims.add(c));
  }

  /** Adds a claim for one subscription, filed at an instant. */
  public Scenario claim(String id, String filedAt, String subscriptionId) {
    ClaimText c = new ClaimText(Texts.notNull("scenario.claims.id", id), Texts.notNull("scenario.claims.filedAt",
        filedAt), Texts.notNull("scenario.claims.subscriptionId", subscriptionId));
    return edit(d -> d.claims.add(c));
  }

  /** Credits already issued for this account and period, such as an earlier decision's lines. */
  public Scenario issued(List<CreditLine> lines) {
    Texts.notNull("scenario.issued", lines);
    List<IssuedCredit> i = lines.stream().map(l -> IssuedCredit.of(Texts.notNull("scenario.issued", l))).toList();
    return edit(d -> d.issued.addAll(i));
  }

  /** Amounts caps carried forward into this period: the previous decision's {@code carriedForward()}. */
  public Scenario carriedIn(List<CarriedCredit> carried) {
    Texts.notNull("scenario.carriedIn", carried);
    List<CarriedCredit> c = List.copyOf(carried);
    return edit(d -> d.carriedIn.addAll(c));
  }

  /** The account's billing period that starts in a month: {@code YearMonth.of(2007, 12)}. Required. */
  public Scenario period(YearMonth month) {
    Texts.notNull("scenario.period", month);
    return edit(d -> d.period = month);
  }

  /** The billing period itself; it must be one of the account's. */
  public Scenario period(BillingPeriod p) {
    Texts.notNull("scenario.period", p);
    return edit(d -> d.period = p);
  }

  /** When the decision is made; the period's end by default. */
  public Scenario evaluatedAt(String at) {
    Texts.notNull("scenario.evaluatedAt", at);
    return edit(d -> d.evaluatedAt = at);
  }

  /**
   * The account the scenario states.
   *
   * @throws InvalidInputException naming the bad value
   */
  public Account account() {
    CurrencyUnit c = currency;
    for (int i = 0; c == null && i < subscriptions.size(); i++) {
      c = subscriptions.get(i).statedCurrency();
    }
    if (c == null) {
      throw InvalidInputException.of("scenario.account.currency",
          "is required when no price names its currency: say .currency(\"USD\")", "not set");
    }
    if (subscriptions.isEmpty()) {
      throw InvalidInputException.of("scenario.subscriptions",
          "needs at least one: say .subscription(\"sub-1\", s -> s.monthly(\"USD 20.00\").on(\"grid\"))", "none");
    }
    CurrencyUnit accountCurrency = c;
    Account.Builder b = Account.builder();
    b.id(accountId).currency(accountCurrency).zone(zone)
        .billing(anchor == null ? BillingSchedule.calendar(cycle, zone) : BillingSchedule.anniversary(cycle, anchor, zone))
        .standing(standing)
        .subscriptions(subscriptions.stream().map(s -> s.build(accountCurrency, zone)).toList());
    if (customerSince != null) {
      b.customerSince(customerSince);
    }
    return b.build();
  }

  /** The outage records the scenario states. */
  public OutageLog outageLog() {
    Set<String> ids = new HashSet<>();
    for (OutageSpec o : outages) {
      if (!ids.add(o.id())) {
        throw InvalidInputException.of("scenario.outages[" + o.id() + "]", "is given twice", o.id());
      }
    }
    return OutageLog.of(outages.stream().map(o -> o.build(zone)).toList());
  }

  /** The telemetry the scenario states. */
  public TelemetryLog telemetryLog() {
    List<TelemetrySample> samples = new ArrayList<>();
    for (TelemetryText t : telemetry) {
      Scope scope = Scope.of(t.scope());
      Instant end = Texts.instant("scenario.telemetry.until", t.until(), zone);
      Instant s = Texts.instant("scenario.telemetry.from", t.from(), zone);
      if (!s.isBefore(end)) {
        throw InvalidInputException.of("scenario.telemetry.until", "must be after from " + s, end);
      }
      while (s.isBefore(end)) {
        Instant e = s.plus(t.every()).isAfter(end) ? end : s.plus(t.every());
        samples.add(t.errorRate() == null
            ? TelemetrySample.ofCounts(scope, Interval.of(s, e), t.good(), t.total())
            : TelemetrySample.ofErrorRate(scope, Interval.of(s, e), t.errorRate()));
        s = e;
      }
    }
    return TelemetryLog.of(samples);
  }

  /**
   * The decision request: account, period, claims, issued and carried credits, evaluation instant.
   *
   * @throws InvalidInputException naming the bad value, or {@code scenario.period} if none was given
   */
  public DecisionRequest request() {
    Account account = account();
    BillingPeriod p;
    if (period instanceof YearMonth m) {
      p = account.billing().periodStartingIn(m);
    } else if (period instanceof BillingPeriod bp) {
      p = bp;
    } else {
      throw InvalidInputException.of("scenario.period", "is required: say .period(YearMonth.of(2024, 6))", "not set");
    }
    DecisionRequest.Builder b = DecisionRequest.builder();
    b.account(account).period(p).issued(issued).carriedIn(carriedIn);
    for (ClaimText c : claims) {
      Claim.Builder cb = Claim.builder();
      cb.id(c.id()).filedAt(Texts.instant("scenario.claims[" + c.id() + "].filedAt", c.filedAt(), zone));
      if (c.subscriptionId() != null) {
        cb.subscriptionId(c.subscriptionId());
      }
      b.addClaims(cb.build());
    }
    if (evaluatedAt != null) {
      b.evaluatedAt(Texts.instant("scenario.evaluatedAt", evaluatedAt, zone));
    }
    return b.build();
  }

  /** An engine for policies (and campaigns) over the scenario's outages and telemetry. */
  public CreditEngine engine(PolicyBook policies, Campaign... campaigns) {
    Texts.notNull("scenario.policies", policies);
    return CreditEngine.builder().policies(policies).campaigns(Texts.notNull("scenario.campaigns", campaigns))
        .outages(outageLog()).telemetry(telemetryLog()).build();
  }

  /**
   * Decides the scenario under one or more policies, over its outages and telemetry.
   *
   * @throws InvalidInputException naming a bad value of the scenario
   */
  public CreditDecision decideWith(Policy policy, Policy... more) {
    Texts.notNull("scenario.policy", policy);
    List<Policy> all = new ArrayList<>();
    all.add(policy);
    all.addAll(List.of(Texts.notNull("scenario.policies", more)));
    return decideWith(PolicyBook.of(all));
  }

  /** Decides the scenario under a policy book and one-off campaigns, over its outages and telemetry. */
  public CreditDecision decideWith(PolicyBook policies, Campaign... campaigns) {
    return engine(policies, campaigns).decide(request());
  }

  /**
   * Decides the scenario's request with an engine of your own, which brings its own outage log
   * and telemetry.
   *
   * @throws InvalidInputException naming {@code scenario.outages} or {@code scenario.telemetry} if
   *     the scenario states any: the engine would not see them, and the test would pass or fail
   *     for the wrong reason
   */
  public CreditDecision decideWith(CreditEngine engine) {
    Texts.notNull("scenario.engine", engine);
    if (!outages.isEmpty()) {
      throw InvalidInputException.of("scenario.outages",
          "are not seen by decideWith(CreditEngine), which measures the engine's own outage log; use "
              + "decideWith(policy), or build the engine with scenario.outageLog()",
          outages.stream().map(OutageSpec::id).toList());
    }
    if (!telemetry.isEmpty()) {
      throw InvalidInputException.of("scenario.telemetry",
          "is not seen by decideWith(CreditEngine); use decideWith(policy), or build the engine with "
              + "scenario.telemetryLog()",
          telemetry.size() + " series");
    }
    return engine.decide(request());
  }

  private static Duration positive(Duration every) {
    Texts.notNull("scenario.telemetry.every", every);
    if (every.isNegative() || every.isZero()) {
      throw InvalidInputException.of("scenario.telemetry.every", "must be positive", every);
    }
    return every;
  }

  private static LocalDate parseDate(String field, String text) {
    Texts.notNull(field, text);
    try {
      return LocalDate.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw InvalidInputException.of(field, "is not a date such as 2024-01-31", text);
    }
  }
}
