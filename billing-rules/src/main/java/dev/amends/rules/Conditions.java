package dev.amends.rules;

import dev.amends.rules.internal.Decimals;
import dev.amends.rules.internal.QuickTest;
import dev.amends.rules.internal.Texts;
import dev.amends.core.account.Standing;
import dev.amends.core.internal.Checks;
import dev.amends.core.outage.Outage;
import dev.amends.core.scope.Scope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The standard conditions. Each reports what it observed and what it compared against. Each is a
 * record nested here ({@link PlanIn}, {@link All}, …) whose components are its parameters, read
 * by the policy's digest; its {@code canonical()} is a short label for messages.
 *
 * <pre>{@code
 * Conditions.all(
 *     Conditions.placedUnder(Scope.of("grid")),
 *     Conditions.standingIn(Standing.Status.GOOD),
 *     Conditions.availabilityBelow(new BigDecimal("99.9")));
 * }</pre>
 */
public final class Conditions {
  private Conditions() {}

  /** The subscription's plan is one of the given names. */
  public static PlanIn planIn(String... plans) {
    List<String> list = Rules.listOf("planIn.plans", plans);
    for (int i = 0; i < list.size(); i++) {
      Checks.id("planIn.plans[" + i + "]", list.get(i));
    }
    return new PlanIn(new TreeSet<>(list));
  }

  /**
   * The subscription's plan is one of the given names.
   *
   * @param plans the plan names, sorted, not empty
   */
  public record PlanIn(Set<String> plans) implements Condition {
    /**
     * Checks the names.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code planIn.plans}
     */
    public PlanIn {
      Checks.notNull("planIn.plans", plans);
      Checks.notEmpty("planIn.plans", plans);
      for (String p : plans) {
        Checks.id("planIn.plans", p);
      }
      plans = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(plans));
    }

    /** Tests the plan. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      return new ConditionResult(holds(ctx), "plan " + ctx.subscription().plan(), "plan in " + plans);
    }

    boolean holds(RuleContext ctx) {
      return plans.contains(ctx.subscription().plan());
    }

    /** {@code plan-in[grid, pro]}. */
    @Override
    public String canonical() {
      return "plan-in" + plans;
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /** Some placement of the subscription lies at or below the scope. */
  public static PlacedUnder placedUnder(Scope scope) {
    return new PlacedUnder(scope);
  }

  /**
   * Some placement of the subscription lies at or below the scope.
   *
   * @param scope the scope
   */
  public record PlacedUnder(Scope scope) implements Condition {
    /**
     * Checks the scope.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code placedUnder.scope} if null
     */
    public PlacedUnder {
      Checks.notNull("placedUnder.scope", scope);
    }

    /** Tests the placements. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      return new ConditionResult(
          holds(ctx),
          "placements " + new TreeSet<>(ctx.subscription().placements()),
          "placed at or below " + scope);
    }

    boolean holds(RuleContext ctx) {
      return ctx.subscription().isPlacedUnder(scope);
    }

    /** {@code placed-under[grid]}. */
    @Override
    public String canonical() {
      return "placed-under[" + scope + "]";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /** An outage with the tag touched the subscription in the period (counted or not). */
  public static AffectedByOutageTagged affectedByOutageTagged(String tag) {
    return new AffectedByOutageTagged(tag);
  }

  /**
   * An outage with the tag touched the subscription in the period (counted or not).
   *
   * @param tag the tag
   */
  public record AffectedByOutageTagged(String tag) implements Condition {
    /**
     * Checks the tag.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code affectedByOutageTagged.tag}
     */
    public AffectedByOutageTagged {
      Checks.id("affectedByOutageTagged.tag", tag);
    }

    /** Tests the outages' tags. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      List<String> ids = ctx.outages().stream().filter(o -> o.tags().contains(tag)).map(Outage::id).toList();
      return new ConditionResult(!ids.isEmpty(), "outages tagged " + tag + ": " + ids, "at least one");
    }

    /** {@code affected-by-tag[storage]}. */
    @Override
    public String canonical() {
      return "affected-by-tag[" + tag + "]";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /** The outage with the id touched the subscription in the period (counted or not). */
  public static AffectedByOutage affectedByOutage(String outageId) {
    return new AffectedByOutage(outageId);
  }

  /**
   * The outage with the id touched the subscription in the period (counted or not).
   *
   * @param outageId the outage's id
   */
  public record AffectedByOutage(String outageId) implements Condition {
    /**
     * Checks the id.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code affectedByOutage.outageId}
     */
    public AffectedByOutage {
      Checks.id("affectedByOutage.outageId", outageId);
    }

    /** Tests the outages' ids. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      List<String> ids = ctx.outages().stream().map(Outage::id).toList();
      return new ConditionResult(ids.contains(outageId), "outages " + ids, "includes " + outageId);
    }

    /** {@code affected-by-outage[INC-1]}. */
    @Override
    public String canonical() {
      return "affected-by-outage[" + outageId + "]";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /**
   * The account's standing at the instant of evaluation ({@link RuleContext#evaluatedAt()}) is
   * one of the given statuses. Asking at the evaluation instant, not for the latest change, means
   * a re-run of an old period evaluated at the same instant gives the same answer whatever
   * happened to the account since.
   *
   * <p>Observed, for example: {@code standing at 2024-07-01T04:00:00Z: OVERDUE since
   * 2024-06-01T04:00:00Z}.
   */
  public static StandingIn standingIn(Standing.Status first, Standing.Status... rest) {
    Checks.notNull("standingIn.first", first);
    Set<Standing.Status> set = EnumSet.of(first);
    set.addAll(Rules.listOf("standingIn.rest", rest));
    return new StandingIn(set);
  }

  /**
   * The account's standing at the instant of evaluation is one of the statuses; see {@link
   * #standingIn(Standing.Status, Standing.Status...)}.
   *
   * @param statuses the statuses, not empty
   */
  public record StandingIn(Set<Standing.Status> statuses) implements Condition {
    /**
     * Checks the statuses.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code standingIn.statuses}
     */
    public StandingIn {
      Checks.notNull("standingIn.statuses", statuses);
      for (Standing.Status s : statuses) {
        Checks.notNull("standingIn.statuses", s);
      }
      Checks.notEmpty("standingIn.statuses", statuses);
      statuses = java.util.Collections.unmodifiableSet(EnumSet.copyOf(statuses));
    }

    /** Tests the standing at the evaluation instant. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      Standing standing = ctx.account().standing();
      Instant at = ctx.evaluatedAt();
      return new ConditionResult(statuses.contains(standing.at(at)),
          "standing at " + at + ": " + standingAt(standing, at), "standing in " + statuses);
    }

    /** {@code standing-in[GOOD]}. */
    @Override
    public String canonical() {
      return "standing-in" + statuses;
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /**
   * The account was in good standing at the incident: the end of the last outage that counted
   * in the period or, under telemetry, of the last counted window — the same incident {@link
   * ClaimDeadline} uses. The status asked for is the one
   * in force during the outage's last instant, so a change taking effect exactly when the
   * outage ended is after the incident.
   *
   * <p>With no counted downtime there is no incident, and the condition is not met (observed
   * {@code no incident}): a credit that needs good standing at the incident needs an incident.
   *
   * <p>Observed, for example: {@code standing at the end of incident INC-1 (2024-06-15T00:00:00Z):
   * OVERDUE since 2024-06-01T04:00:00Z}.
   */
  public static InGoodStandingAtIncident inGoodStandingAtIncident() {
    return new InGoodStandingAtIncident();
  }

  /** The account was in good standing at the incident; see {@link #inGoodStandingAtIncident()}. */
  public record InGoodStandingAtIncident() implements Condition {
    /** Tests the standing at the end of the last counted outage. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      String expected = "GOOD at the incident (the end of the last counted outage or telemetry window)";
      Optional<Incident> incident = Incident.of(ctx);
      if (incident.isEmpty()) {
        return new ConditionResult(false, "no incident: no downtime counted in the period", expected);
      }
      Instant end = incident.get().end();
      Standing standing = ctx.account().standing();
      Instant last = end.minusNanos(1);
      return new ConditionResult(standing.isGoodAt(last),
          "standing at the end of " + incident.get().description() + " (" + end + "): " + standingAt(standing, last),
          expected);
    }

    /** {@code in-good-standing-at-incident}. */
    @Override
    public String canonical() {
      return "in-good-standing-at-incident";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /**
   * The account was in good standing at every instant of the billing period: good at its start
   * and no other status taking effect before its end.
   *
   * <p>Observed, for example: {@code standing in the period: SUSPENDED since
   * 2024-06-02T16:00:00Z} (the first status other than good in force during the period), or
   * {@code standing in the period: GOOD throughout}.
   */
  public static InGoodStandingThroughoutPeriod inGoodStandingThroughoutPeriod() {
    return new InGoodStandingThroughoutPeriod();
  }

  /** The account was in good standing throughout the period; see {@link #inGoodStandingThroughoutPeriod()}. */
  public record InGoodStandingThroughoutPeriod() implements Condition {
    /** Tests the standing over the period. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      Standing standing = ctx.account().standing();
      Instant start = ctx.period().start();
      Instant end = ctx.period().end();
      Optional<String> firstBad = !standing.isGoodAt(start)
          ? Optional.of(standingAt(standing, start))
          : standing.changes().stream()
              .filter(c -> c.from().isAfter(start) && c.from().isBefore(end) && c.status() != Standing.Status.GOOD)
              .findFirst()
              .map(Standing.Change::toString);
      return new ConditionResult(firstBad.isEmpty(),
          "standing in the period: " + firstBad.orElse("GOOD throughout"), "GOOD throughout the period");
    }

    /** {@code in-good-standing-throughout-period}. */
    @Override
    public String canonical() {
      return "in-good-standing-throughout-period";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /** The status in force at an instant, with since when: {@code OVERDUE since …} or {@code GOOD}. */
  private static String standingAt(Standing standing, Instant at) {
    return standing.changeInForceAt(at).map(Standing.Change::toString).orElse(Standing.Status.GOOD.name());
  }

  /** The customer has been a customer since the date or earlier. */
  public static CustomerSinceOnOrBefore customerSinceOnOrBefore(LocalDate date) {
    return new CustomerSinceOnOrBefore(date);
  }

  /**
   * The customer has been a customer since the date or earlier.
   *
   * @param date the latest start date
   */
  public record CustomerSinceOnOrBefore(LocalDate date) implements Condition {
    /**
     * Checks the date.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code customerSinceOnOrBefore.date}
     */
    public CustomerSinceOnOrBefore {
      Checks.notNull("customerSinceOnOrBefore.date", date);
    }

    /** Tests the account's customer-since date. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      var since = ctx.account().customerSince();
      return new ConditionResult(
          since.isPresent() && !since.get().isAfter(date),
          "customer since " + since.map(LocalDate::toString).orElse("unknown"),
          "customer since on or before " + date);
    }

    /** {@code customer-since-on-or-before[2020-01-01]}. */
    @Override
    public String canonical() {
      return "customer-since-on-or-before[" + date + "]";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /** A claim covering the subscription was filed before the deadline. */
  public static ClaimFiledInTime claimFiledInTime(ClaimDeadline deadline) {
    return new ClaimFiledInTime(deadline);
  }

  /**
   * A claim covering the subscription was filed before the deadline.
   *
   * @param deadline the deadline
   */
  public record ClaimFiledInTime(ClaimDeadline deadline) implements Condition {
    /**
     * Checks the deadline.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code claimFiledInTime.deadline}
     */
    public ClaimFiledInTime {
      Checks.notNull("claimFiledInTime.deadline", deadline);
    }

    /** Tests the claim against the deadline. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      return deadline.check(ctx);
    }

    /** {@code claim-filed-in-time[days-after-incident:30]}. */
    @Override
    public String canonical() {
      return "claim-filed-in-time[" + deadline.canonical() + "]";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /** Availability is strictly below the percentage, compared exactly. */
  public static AvailabilityBelow availabilityBelow(BigDecimal percent) {
    return new AvailabilityBelow(percent);
  }

  /**
   * Availability is strictly below the percentage, compared exactly.
   *
   * @param percent the percentage
   */
  public record AvailabilityBelow(BigDecimal percent) implements Condition {
    /**
     * Checks the percentage.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code availabilityBelow.percent}
     */
    public AvailabilityBelow {
      Decimals.check("availabilityBelow.percent", percent);
    }

    /** Tests the measured availability. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      return new ConditionResult(
          ctx.measurement().isBelowPercent(percent),
          "availability " + Texts.percent(ctx.measurement()),
          "below " + percent.toPlainString() + " %");
    }

    /** {@code availability-below[99.9]}. */
    @Override
    public String canonical() {
      return "availability-below[" + percent.toPlainString() + "]";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /** Counted downtime is at least the duration. */
  public static DowntimeAtLeast downtimeAtLeast(Duration duration) {
    return new DowntimeAtLeast(duration);
  }

  /**
   * Counted downtime is at least the duration.
   *
   * @param duration the duration, not negative
   */
  public record DowntimeAtLeast(Duration duration) implements Condition {
    /**
     * Checks the duration.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code downtimeAtLeast.duration}
     */
    public DowntimeAtLeast {
      Checks.notNegative("downtimeAtLeast.duration", duration);
    }

    /** Tests the counted downtime. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      return new ConditionResult(
          ctx.measurement().downtime().compareTo(duration) >= 0,
          "downtime " + ctx.measurement().downtime(),
          "at least " + duration);
    }

    /** {@code downtime-at-least[PT1H]}. */
    @Override
    public String canonical() {
      return "downtime-at-least[" + duration + "]";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /** The subscription was active at the given instant. */
  public static ActiveAt activeAt(Instant instant) {
    return new ActiveAt(instant);
  }

  /**
   * The subscription was active at the given instant.
   *
   * @param instant the instant
   */
  public record ActiveAt(Instant instant) implements Condition {
    /**
     * Checks the instant.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code activeAt.instant}
     */
    public ActiveAt {
      Checks.notNull("activeAt.instant", instant);
    }

    /** Tests the subscription's active window. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      return new ConditionResult(holds(ctx), "active " + dev.amends.core.internal.Intervals.text(ctx.subscription().active()), "active at " + instant);
    }

    boolean holds(RuleContext ctx) {
      return ctx.subscription().active().contains(instant);
    }

    /** {@code active-at[2024-06-01T00:00:00Z]}. */
    @Override
    public String canonical() {
      return "active-at[" + instant + "]";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /** Every condition holds; all are evaluated and reported. */
  public static All all(Condition... conditions) {
    return new All(Rules.listOf("all.conditions", conditions));
  }

  /**
   * Every condition holds; all are evaluated and reported.
   *
   * @param conditions the conditions, not empty
   */
  public record All(List<Condition> conditions) implements Condition {
    /**
     * Checks the conditions.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code all.conditions}
     */
    public All {
      conditions = checked("all.conditions", conditions);
    }

    /** Tests every condition. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      List<ConditionResult> results = new ArrayList<>();
      for (Condition c : conditions) {
        results.add(testOne(c, ctx));
      }
      return combine(results, results.stream().allMatch(ConditionResult::met), "all of");
    }

    /** {@code all(plan-in[pro],…)}. */
    @Override
    public String canonical() {
      return "all(" + conditions.stream().map(Condition::canonical).collect(Collectors.joining(",")) + ")";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /** At least one condition holds; all are evaluated and reported. */
  public static Any any(Condition... conditions) {
    return new Any(Rules.listOf("any.conditions", conditions));
  }

  /**
   * At least one condition holds; all are evaluated and reported.
   *
   * @param conditions the conditions, not empty
   */
  public record Any(List<Condition> conditions) implements Condition {
    /**
     * Checks the conditions.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code any.conditions}
     */
    public Any {
      conditions = checked("any.conditions", conditions);
    }

    /** Tests every condition. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      List<ConditionResult> results = new ArrayList<>();
      for (Condition c : conditions) {
        results.add(testOne(c, ctx));
      }
      return combine(results, results.stream().anyMatch(ConditionResult::met), "any of");
    }

    /** {@code any(plan-in[pro],…)}. */
    @Override
    public String canonical() {
      return "any(" + conditions.stream().map(Condition::canonical).collect(Collectors.joining(",")) + ")";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /** The condition does not hold. */
  public static Not not(Condition condition) {
    return new Not(condition);
  }

  /**
   * The condition does not hold.
   *
   * @param condition the condition negated
   */
  public record Not(Condition condition) implements Condition {
    /**
     * Checks the condition.
     *
     * @throws dev.amends.core.InvalidInputException naming {@code not.condition}
     */
    public Not {
      Checks.notNull("not.condition", condition);
    }

    /** Tests the condition and negates it. */
    @Override
    public ConditionResult test(RuleContext ctx) {
      ConditionResult r = testOne(condition, ctx);
      return new ConditionResult(!r.met(), r.observed(), "not (" + r.expected() + ")");
    }

    /** {@code not(plan-in[pro])}. */
    @Override
    public String canonical() {
      return "not(" + condition.canonical() + ")";
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  /** The most levels of {@code not}, {@code all} and {@code any} a condition may nest (itself level 1). */
  static final int MAX_DEPTH = 64;

  /**
   * How deep the built-in combinations ({@code not}, {@code all}, {@code any}) nest in a
   * condition, counted without recursion and not past {@code limit + 1}: so a condition nested
   * 20,000 deep is found too deep before anything (its canonical text, its test) recurses into it.
   */
  static int depth(Condition root, int limit) {
    java.util.ArrayDeque<Condition> todo = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
    todo.push(root);
    depths.push(1);
    int max = 0;
    while (!todo.isEmpty()) {
      Condition c = todo.pop();
      int d = depths.pop();
      max = Math.max(max, d);
      if (max > limit) {
        return max;
      }
      List<Condition> inner = switch (c) {
        case Not n -> List.of(n.condition());
        case All a -> a.conditions();
        case Any a -> a.conditions();
        default -> List.of();
      };
      for (Condition i : inner) {
        todo.push(i);
        depths.push(d + 1);
      }
    }
    return max;
  }

  /**
   * Whether a condition holds, without building the texts of its result, for the conditions that
   * read only the subscription (plan, placement, active window) and their combinations: {@link
   * QuickTest#HOLDS} or {@link QuickTest#FAILS}, the same answer as {@code test(ctx).met()}, since
   * each of these conditions tests through the same method. {@link QuickTest#NEEDS_FULL_TEST} for
   * any other, and for a combination holding any other, which must be tested in full.
   */
  static QuickTest quickTest(Condition c, RuleContext ctx) {
    return switch (c) {
      case PlanIn p -> QuickTest.of(p.holds(ctx));
      case PlacedUnder p -> QuickTest.of(p.holds(ctx));
      case ActiveAt a -> QuickTest.of(a.holds(ctx));
      case Not n -> quickTest(n.condition(), ctx).negated();
      case All a -> allOrAny(a.conditions(), ctx, true);
      case Any a -> allOrAny(a.conditions(), ctx, false);
      default -> QuickTest.NEEDS_FULL_TEST;
    };
  }

  /**
   * Every (all) or some (any) condition holds; {@link QuickTest#NEEDS_FULL_TEST} if any of them
   * is not on the subscription alone.
   */
  private static QuickTest allOrAny(List<Condition> conditions, RuleContext ctx, boolean all) {
    boolean result = all;
    for (Condition c : conditions) {
      QuickTest q = quickTest(c, ctx);
      if (q == QuickTest.NEEDS_FULL_TEST) {
        return q;
      }
      boolean b = q == QuickTest.HOLDS;
      result = all ? result && b : result || b;
    }
    return QuickTest.of(result);
  }

  private static List<Condition> checked(String field, List<Condition> conditions) {
    Checks.notNull(field, conditions);
    for (int i = 0; i < conditions.size(); i++) {
      Checks.notNull(field + "[" + i + "]", conditions.get(i));
    }
    Checks.notEmpty(field, conditions);
    return List.copyOf(conditions);
  }

  /** Tests a condition inside another, failing with its canonical form if it returns null. */
  private static ConditionResult testOne(Condition c, RuleContext ctx) {
    ConditionResult r = c.test(ctx);
    if (r == null) {
      throw dev.amends.core.InvalidInputException.of(
          "condition " + c.canonical(), "returned null instead of a ConditionResult", "null");
    }
    return r;
  }

  private static ConditionResult combine(List<ConditionResult> results, boolean met, String word) {
    return new ConditionResult(
        met,
        results.stream().map(ConditionResult::observed).collect(Collectors.joining("; ")),
        word + " [" + results.stream().map(r -> r.expected() + (r.met() ? " (met)" : " (not met)"))
            .collect(Collectors.joining("; ")) + "]");
  }
}
