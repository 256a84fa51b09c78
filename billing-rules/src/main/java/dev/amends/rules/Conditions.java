package dev.amends.rules;

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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The standard conditions. Each reports what it observed and what it compared against.
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
  public static Condition planIn(String... plans) {
    List<String> list = Rules.listOf("planIn.plans", plans);
    for (int i = 0; i < list.size(); i++) {
      Checks.id("planIn.plans[" + i + "]", list.get(i));
    }
    Set<String> set = new TreeSet<>(list);
    Checks.notEmpty("planIn.plans", set);
    return simple("plan-in" + set, ctx -> new ConditionResult(
        set.contains(ctx.subscription().plan()), "plan " + ctx.subscription().plan(), "plan in " + set));
  }

  /** Some placement of the subscription lies at or below the scope. */
  public static Condition placedUnder(Scope scope) {
    Checks.notNull("placedUnder.scope", scope);
    return simple("placed-under[" + scope + "]", ctx -> new ConditionResult(
        ctx.subscription().isPlacedUnder(scope),
        "placements " + new TreeSet<>(ctx.subscription().placements()),
        "placed at or below " + scope));
  }

  /** An outage with the tag touched the subscription in the period (counted or not). */
  public static Condition affectedByOutageTagged(String tag) {
    Checks.id("affectedByOutageTagged.tag", tag);
    return simple("affected-by-tag[" + tag + "]", ctx -> {
      List<String> ids = ctx.outages().stream().filter(o -> o.tags().contains(tag)).map(Outage::id).toList();
      return new ConditionResult(!ids.isEmpty(), "outages tagged " + tag + ": " + ids, "at least one");
    });
  }

  /** The outage with the id touched the subscription in the period (counted or not). */
  public static Condition affectedByOutage(String outageId) {
    Checks.id("affectedByOutage.outageId", outageId);
    return simple("affected-by-outage[" + outageId + "]", ctx -> {
      List<String> ids = ctx.outages().stream().map(Outage::id).toList();
      return new ConditionResult(ids.contains(outageId), "outages " + ids, "includes " + outageId);
    });
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
  public static Condition standingIn(Standing.Status first, Standing.Status... rest) {
    Checks.notNull("standingIn.first", first);
    Set<Standing.Status> set = EnumSet.of(first);
    set.addAll(Rules.listOf("standingIn.rest", rest));
    return simple("standing-in" + set, ctx -> {
      Standing standing = ctx.account().standing();
      Instant at = ctx.evaluatedAt();
      return new ConditionResult(set.contains(standing.at(at)),
          "standing at " + at + ": " + standingAt(standing, at), "standing in " + set);
    });
  }

  /**
   * The account was in good standing at the incident: the end of the last outage that counted
   * in the period, the same incident {@link ClaimDeadline} uses. The status asked for is the one
   * in force during the outage's last instant, so a change taking effect exactly when the
   * outage ended is after the incident.
   *
   * <p>With no counted outage there is no incident, and the condition is not met (observed
   * {@code no incident}): a credit that needs good standing at the incident needs an incident.
   *
   * <p>Observed, for example: {@code standing at the end of incident INC-1 (2024-06-15T00:00:00Z):
   * OVERDUE since 2024-06-01T04:00:00Z}.
   */
  public static Condition inGoodStandingAtIncident() {
    return simple("in-good-standing-at-incident", ctx -> {
      String expected = "GOOD at the incident (the end of the last counted outage)";
      Optional<Outage> incident = ctx.countedOutages().stream()
          .max(Comparator.comparing((Outage o) -> o.window().getEnd())
              .thenComparing(Outage::id, Comparator.reverseOrder()));
      if (incident.isEmpty()) {
        return new ConditionResult(false, "no incident: no outage counted in the period", expected);
      }
      Instant end = incident.get().window().getEnd();
      Standing standing = ctx.account().standing();
      Instant last = end.minusNanos(1);
      return new ConditionResult(standing.isGoodAt(last),
          "standing at the end of incident " + incident.get().id() + " (" + end + "): " + standingAt(standing, last),
          expected);
    });
  }

  /**
   * The account was in good standing at every instant of the billing period: good at its start
   * and no other status taking effect before its end.
   *
   * <p>Observed, for example: {@code standing in the period: SUSPENDED since
   * 2024-06-02T16:00:00Z} (the first status other than good in force during the period), or
   * {@code standing in the period: GOOD throughout}.
   */
  public static Condition inGoodStandingThroughoutPeriod() {
    return simple("in-good-standing-throughout-period", ctx -> {
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
    });
  }

  /** The status in force at an instant, with since when: {@code OVERDUE since …} or {@code GOOD}. */
  private static String standingAt(Standing standing, Instant at) {
    return standing.changeInForceAt(at).map(Standing.Change::toString).orElse(Standing.Status.GOOD.name());
  }

  /** The customer has been a customer since the date or earlier. */
  public static Condition customerSinceOnOrBefore(LocalDate date) {
    Checks.notNull("customerSinceOnOrBefore.date", date);
    return simple("customer-since-on-or-before[" + date + "]", ctx -> {
      var since = ctx.account().customerSince();
      return new ConditionResult(
          since.isPresent() && !since.get().isAfter(date),
          "customer since " + since.map(LocalDate::toString).orElse("unknown"),
          "customer since on or before " + date);
    });
  }

  /** A claim covering the subscription was filed before the deadline. */
  public static Condition claimFiledInTime(ClaimDeadline deadline) {
    Checks.notNull("claimFiledInTime.deadline", deadline);
    return simple("claim-filed-in-time[" + deadline.canonical() + "]", ctx -> deadline.check(ctx));
  }

  /** Availability is strictly below the percentage, compared exactly. */
  public static Condition availabilityBelow(BigDecimal percent) {
    Decimals.check("availabilityBelow.percent", percent);
    return simple("availability-below[" + percent.toPlainString() + "]", ctx -> new ConditionResult(
        ctx.measurement().isBelowPercent(percent),
        "availability " + Texts.percent(ctx.measurement()),
        "below " + percent.toPlainString() + " %"));
  }

  /** Counted downtime is at least the duration. */
  public static Condition downtimeAtLeast(Duration duration) {
    Checks.notNegative("downtimeAtLeast.duration", duration);
    return simple("downtime-at-least[" + duration + "]", ctx -> new ConditionResult(
        ctx.measurement().downtime().compareTo(duration) >= 0,
        "downtime " + ctx.measurement().downtime(),
        "at least " + duration));
  }

  /** The subscription was active at the given instant. */
  public static Condition activeAt(Instant instant) {
    Checks.notNull("activeAt.instant", instant);
    return simple("active-at[" + instant + "]", ctx -> new ConditionResult(
        ctx.subscription().active().contains(instant),
        "active " + ctx.subscription().active(), "active at " + instant));
  }

  /** Every condition holds; all are evaluated and reported. */
  public static Condition all(Condition... conditions) {
    List<Condition> list = Rules.listOf("all.conditions", conditions);
    Checks.notEmpty("all.conditions", list);
    return simple("all(" + list.stream().map(Condition::canonical).collect(Collectors.joining(",")) + ")", ctx -> {
      List<ConditionResult> results = new ArrayList<>();
      for (Condition c : list) {
        results.add(testOne(c, ctx));
      }
      return combine(results, results.stream().allMatch(ConditionResult::met), "all of");
    });
  }

  /** At least one condition holds; all are evaluated and reported. */
  public static Condition any(Condition... conditions) {
    List<Condition> list = Rules.listOf("any.conditions", conditions);
    Checks.notEmpty("any.conditions", list);
    return simple("any(" + list.stream().map(Condition::canonical).collect(Collectors.joining(",")) + ")", ctx -> {
      List<ConditionResult> results = new ArrayList<>();
      for (Condition c : list) {
        results.add(testOne(c, ctx));
      }
      return combine(results, results.stream().anyMatch(ConditionResult::met), "any of");
    });
  }

  /** The condition does not hold. */
  public static Condition not(Condition condition) {
    Checks.notNull("not.condition", condition);
    return simple("not(" + condition.canonical() + ")", ctx -> {
      ConditionResult r = testOne(condition, ctx);
      return new ConditionResult(!r.met(), r.observed(), "not (" + r.expected() + ")");
    });
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

  private static Condition simple(String canonical, Function<RuleContext, ConditionResult> test) {
    return new Condition() {
      @Override
      public ConditionResult test(RuleContext context) {
        return test.apply(context);
      }

      @Override
      public String canonical() {
        return canonical;
      }

      @Override
      public String toString() {
        return canonical;
      }
    };
  }
}
