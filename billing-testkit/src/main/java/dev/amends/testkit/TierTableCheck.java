package dev.amends.testkit;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.Policy;
import dev.amends.rules.RuleNode;
import dev.amends.rules.SubscriptionTrace;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joda.money.Money;

/**
 * A table-driven check of a tier-shaped rule or policy: for each row, one subscription is down
 * exactly long enough for the availability (or the downtime) given, the rule decides, and the
 * credit is compared with the expected amount. Every failing row is reported at once, in one
 * {@link AssertionError}.
 *
 * <pre>{@code
 * // 10 % below 99.9 %, 25 % below 99 %, 100 % below 95 %; on the default USD 100.00 a month:
 * TierTableCheck.of(Rules.availabilityTiers("tiers",
 *         Tier.range("99.0", "99.9", "10"), Tier.range("95.0", "99.0", "25"), Tier.range("0", "95.0", "100")))
 *     .row("100", "0.00")
 *     .row("99.9", "0.00")     // exactly on the boundary: not below 99.9 %
 *     .row("99.8999", "10.00")
 *     .row("99.0", "10.00")
 *     .row("94.9", "100.00")
 *     .check();
 * }</pre>
 *
 * <p><b>The facts</b>: an account in UTC with one subscription ({@code sub-1} on scope {@code
 * svc}) at a monthly fee, USD 100.00 unless {@link #fee(String)} says otherwise (so a percentage
 * reads as the amount), decided for June 2024 (30 days, 43,200 minutes) unless {@link
 * #period(YearMonth)} says otherwise. A row's downtime is one unplanned outage from the period's
 * start. An availability row of {@code a} % is down for exactly {@code (100 - a) %} of the
 * period; an availability that no whole number of nanoseconds gives is refused.
 *
 * <p><b>The policy</b>: {@link #of(RuleNode)} puts the rule in a policy with default
 * measurement rules and {@code HALF_UP} rounding ({@link #rounding(Rounding)} to change it);
 * {@link #of(Policy)} uses your policy as it is, and a row whose measured availability is not the
 * row's (because the policy's measurement rules round or drop downtime) fails saying so.
 *
 * <p><b>Realistic policies</b>: a policy that lists its {@code plans} is checked on its first plan,
 * or on the one {@link #plan(String)} names; rows behind {@code requires-claim} (or a {@code
 * claim-filed-in-time} condition) give nothing without a claim, so {@link #claimFiled()} files one
 * for every row as its outage ends, and {@link #claimFiled(String)} at a given time, to check a
 * deadline:
 *
 * <pre>{@code
 * TierTableCheck.of(COMPUTE_SLA).plan("compute").claimFiled()
 *     .row("99.99", "0.00")
 *     .row("99.98", "10.00")
 *     .check();
 * }</pre>
 *
 * <p>The expected amount of a row is the decision's total in the fee's currency, {@code "0.00"}
 * for no credit. Immutable: every method returns a new check.
 */
public final class TierTableCheck {
  private static final String SCOPE = "svc";
  private static final String SUBSCRIPTION = "sub-1";

  private record Row(int number, BigDecimal availability, Duration downtime, String expected) {
    String label() {
      return availability != null ? "availability " + availability.toPlainString() + " %"
          : "downtime " + Describe.duration(downtime);
    }
  }

  /** The instant a claim is filed at: {@link #AT_INCIDENT_END}, or a time as {@link Scenario} reads it. */
  private static final String AT_INCIDENT_END = "";

  private final RuleNode rule;
  private final Policy policy;
  private final Rounding rounding;
  private final String fee;
  private final YearMonth month;
  private final List<Row> rows;
  private final String plan; // null: the policy's first plan, or the scenario's default
  private final String claimFiledAt; // null: no claim

  private TierTableCheck(RuleNode rule, Policy policy, Rounding rounding, String fee, YearMonth month, List<Row> rows,
      String plan, String claimFiledAt) {
    this.rule = rule;
    this.policy = policy;
    this.rounding = rounding;
    this.fee = fee;
    this.month = month;
    this.rows = List.copyOf(rows);
    this.plan = plan;
    this.claimFiledAt = claimFiledAt;
  }

  private TierTableCheck(RuleNode rule, Policy policy, Rounding rounding, String fee, YearMonth month, List<Row> rows) {
    this(rule, policy, rounding, fee, month, rows, null, null);
  }

  /** A check of a rule, in a policy with default measurement rules and {@code HALF_UP} rounding. */
  public static TierTableCheck of(RuleNode rule) {
    return new TierTableCheck(Texts.notNull("tierTable.rule", rule), null, Rounding.of(RoundingMode.HALF_UP),
        "USD 100.00", YearMonth.of(2024, 6), List.of());
  }

  /** A check of a whole policy, with its own measurement rules and rounding; it must be in force in the period. */
  public static TierTableCheck of(Policy policy) {
    Texts.notNull("tierTable.policy", policy);
    return new TierTableCheck(policy.rule(), policy, policy.rounding(), "USD 100.00", YearMonth.of(2024, 6), List.of());
  }

  /** The monthly fee, such as {@code "USD 20.00"}; USD 100.00 by default. */
  public TierTableCheck fee(String monthly) {
    Texts.money("tierTable.fee", monthly, null);
    return new TierTableCheck(rule, policy, rounding, monthly, month, rows, plan, claimFiledAt);
  }

  /** The month decided, in UTC; June 2024 by default. */
  public TierTableCheck period(YearMonth m) {
    return new TierTableCheck(rule, policy, rounding, fee, Texts.notNull("tierTable.period", m), rows, plan,
        claimFiledAt);
  }

  /** The rounding of the policy made for {@link #of(RuleNode)}; not allowed with {@link #of(Policy)}. */
  public TierTableCheck rounding(Rounding r) {
    Texts.notNull("tierTable.rounding", r);
    if (policy != null) {
      throw InvalidInputException.of("tierTable.rounding", "is the policy's own; set it on the policy", r);
    }
    return new TierTableCheck(rule, null, r, fee, month, rows, plan, claimFiledAt);
  }

  /**
   * The subscription's plan. By default the first (in sorted order) of the plans the policy lists,
   * or, for a policy that lists none, the scenario's default plan {@code "plan"}. A plan the
   * policy does not cover is refused when {@link #check()} runs.
   *
   * @param name the plan, such as {@code "compute"}, not null
   * @return a new check
   */
  public TierTableCheck plan(String name) {
    Texts.notNull("tierTable.plan", name);
    return new TierTableCheck(rule, policy, rounding, fee, month, rows, name, claimFiledAt);
  }

  /**
   * Every row has a claim for the subscription, filed when the row's outage ends (or at the
   * period's start, for a row without downtime): in time for any claim deadline, so that rows
   * behind {@code requires-claim} or {@code claim-filed-in-time} give their credit.
   *
   * @return a new check
   */
  public TierTableCheck claimFiled() {
    return new TierTableCheck(rule, policy, rounding, fee, month, rows, plan, AT_INCIDENT_END);
  }

  /**
   * Every row has a claim for the subscription, filed at this time (UTC, the account's zone, unless
   * it ends in {@code Z} or an offset), such as {@code "2024-07-15T00:00"}: to check a deadline.
   *
   * @param at when the claim is filed, not null
   * @return a new check
   */
  public TierTableCheck claimFiled(String at) {
    Texts.notNull("tierTable.claimFiled", at);
    Texts.instant("tierTable.claimFiled", at, ZoneOffset.UTC);
    return new TierTableCheck(rule, policy, rounding, fee, month, rows, plan, at);
  }

  /**
   * A row: at this availability, the credit is this amount.
   *
   * @param availabilityPercent a plain decimal in {@code [0, 100]}, such as {@code "99.95"}
   * @param expected the credit, such as {@code "10.00"} (the fee's currency) or {@code "USD 10.00"}; {@code "0.00"} for none
   */
  public TierTableCheck row(String availabilityPercent, String expected) {
    String field = "tierTable.rows[" + (rows.size() + 1) + "]";
    BigDecimal a = Texts.decimal(field + ".availability", availabilityPercent);
    if (a.signum() < 0 || a.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw InvalidInputException.of(field + ".availability", "must be in [0, 100]", availabilityPercent);
    }
    return add(new Row(rows.size() + 1, a, null, Texts.notNull(field + ".expected", expected)));
  }

  /**
   * A row: after this much downtime, the credit is this amount. For rules by downtime, such as
   * "5 % per started 30 minutes".
   */
  public TierTableCheck downtimeRow(Duration downtime, String expected) {
    String field = "tierTable.rows[" + (rows.size() + 1) + "]";
    Texts.notNull(field + ".downtime", downtime);
    if (downtime.isNegative()) {
      throw InvalidInputException.of(field + ".downtime", "must not be negative", downtime);
    }
    return add(new Row(rows.size() + 1, null, downtime, Texts.notNull(field + ".expected", expected)));
  }

  private TierTableCheck add(Row row) {
    List<Row> r = new ArrayList<>(rows);
    r.add(row);
    return new TierTableCheck(rule, policy, rounding, fee, month, r, plan, claimFiledAt);
  }

  /**
   * Decides every row and compares.
   *
   * @throws AssertionError listing every failing row, with what the rule said about it
   * @throws InvalidInputException if there are no rows, or a row cannot be stated exactly
   */
  public void check() {
    if (rows.isEmpty()) {
      throw InvalidInputException.of("tierTable.rows", "needs at least one row", "none");
    }
    Policy p = policy != null ? policy
        : Policy.builder().id("tier-table").version(1).effectiveFrom(Instant.EPOCH).rule(rule).rounding(rounding)
            .build();
    BillingPeriod period = BillingPeriod.month(month, ZoneOffset.UTC);
    Money feeMoney = Texts.money("tierTable.fee", fee, null);
    String onPlan = plan != null ? plan : p.plans().stream().sorted().findFirst().orElse(null);
    if (onPlan != null && !p.plans().isEmpty() && !p.plans().contains(onPlan)) {
      throw InvalidInputException.of("tierTable.plan", "is not a plan the policy covers "
          + p.plans().stream().sorted().toList(), onPlan);
    }
    Scenario base = Scenario.account("tier-table")
        .subscription(SUBSCRIPTION, s -> (onPlan == null ? s : s.plan(onPlan)).monthly(feeMoney.toString()).on(SCOPE))
        .period(month);
    List<String> failures = new ArrayList<>();
    for (Row row : rows) {
      String field = "tierTable.rows[" + row.number() + "]";
      Duration down = row.downtime() != null ? row.downtime() : downtimeFor(field, row.availability(), period.length());
      Scenario s = down.isZero() ? base
          : base.outage("down", o -> o.on(SCOPE).from(period.start().toString()).lasting(down));
      if (claimFiledAt != null) {
        s = s.claim("claim", claimFiledAt.equals(AT_INCIDENT_END) ? period.start().plus(down).toString() : claimFiledAt,
            SUBSCRIPTION);
      }
      Money want = Texts.money(field + ".expected", row.expected(), feeMoney.getCurrencyUnit());
      CreditDecision d = s.decideWith(p);
      Money got = d.total(want.getCurrencyUnit());
      Optional<SubscriptionTrace> trace = d.trace(SUBSCRIPTION, p.id());
      String problem = null;
      if (trace.isEmpty()) {
        problem = "the policy " + p.label() + " did not judge the subscription (is it in force in " + period.label()
            + "?)";
      } else if (row.availability() != null && !trace.get().measurement()
          .map(m -> m.availability().equals(Ratio.percent(row.availability()))).orElse(false)) {
        problem = "measured " + trace.get().measurement().map(Object::toString).orElse("nothing") + ", not availability "
            + row.availability().toPlainString() + " %: the policy's measurement rules changed the downtime";
      } else if (!got.equals(want)) {
        problem = "expected " + want + ", got " + got;
      }
      if (problem != null) {
        StringBuilder sb = new StringBuilder("row " + row.number() + ", " + row.label() + " ("
            + Describe.duration(down) + " down): " + problem);
        if (!d.lines().isEmpty()) {
          sb.append("\n    lines:\n    ").append(Describe.lines(d.lines()).replace("\n", "\n    "));
        }
        trace.ifPresent(t -> sb.append("\n    trace: ").append(Traces.line(t.root())));
        if (!d.flags().isEmpty()) {
          sb.append("\n    flags: ").append(d.flags());
        }
        failures.add(sb.toString());
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError("Tier table of " + (policy != null ? "policy " + p.label() : "rule \"" + rule.id() + "\"")
          + " (fee " + feeMoney + " a month" + (onPlan == null ? "" : " on plan " + onPlan)
          + (claimFiledAt == null ? "" : claimFiledAt.equals(AT_INCIDENT_END) ? ", claim filed as the outage"
              + " ends" : ", claim filed " + claimFiledAt) + ", " + period.label() + " in UTC, "
          + Describe.duration(period.length()) + "): " + failures.size() + " of " + rows.size() + " rows failed:\n  "
          + String.join("\n  ", failures));
    }
  }

  /** {@code (100 - a) %} of the period, exactly, in nanoseconds. */
  private static Duration downtimeFor(String field, BigDecimal availability, Duration length) {
    BigDecimal share = BigDecimal.valueOf(100).subtract(availability);
    BigDecimal nanos = new BigDecimal(BigInteger.valueOf(length.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(length.getNano()))).multiply(share).divide(BigDecimal.valueOf(100));
    try {
      return Duration.ofNanos(nanos.toBigIntegerExact().longValueExact());
    } catch (ArithmeticException e) {
      throw InvalidInputException.of(field + ".availability",
          "is not a whole number of nanoseconds of downtime in a period of " + Describe.duration(length)
              + "; use fewer decimals",
          availability.toPlainString());
    }
  }
}
