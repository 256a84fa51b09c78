package dev.amends.rules;

import dev.amends.rules.internal.Decimals;
import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.DayCount;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.joda.money.Money;

/**
 * The standard rules and combinators. Every factory validates its arguments and names the bad
 * one; tier tables are checked for gaps and overlaps when the {@link Policy} is built, with every
 * problem listed.
 *
 * <pre>{@code
 * RuleNode sla = Rules.cap("sla", CapLimit.percentOfFee(new BigDecimal("100")),
 *     Rules.mostGenerous("best-of",
 *         Rules.availabilityTiers("tiers",
 *             Tier.range("99.0", "99.9", "10"),
 *             Tier.range("95.0", "99.0", "25"),
 *             Tier.range("0", "95.0", "100")),
 *         Rules.perBlock("blocks", Duration.ofMinutes(30), new BigDecimal("5"), BlockCount.STARTED)));
 * }</pre>
 *
 * <h2>Combinator semantics</h2>
 * <ul>
 *   <li>{@code sum}: every child is evaluated and every line kept; two equal credits are two lines.
 *   <li>{@code mostGenerous}: every child is evaluated; the one whose lines are worth the most
 *       (valued, unrounded, in the fee's currency) wins; ties go to the first written. Losers stay
 *       in the trace as {@link Verdict#LOST} with their amounts.
 *   <li>{@code firstMatch}: children in order until one gives a credit (a positive amount or
 *       days); "no credit" and zero credits are not matches; later children are traced as
 *       {@link Verdict#SKIPPED} and not evaluated.
 *   <li>{@code exactlyOne}: every child is evaluated; more than one credit is a {@link
 *       RuleEvaluationException} naming both.
 *   <li>{@code cap}: limits the valued sum of its child's lines before rounding, per period or per
 *       incident (lines resting on the same outages); the trace says "capped from X to Y (limit
 *       Z)"; a cut is spread in order or pro rata; the excess is dropped unless the cap carries
 *       it forward ({@link Excess#CARRIED_FORWARD}).
 *   <li>{@code when}: the condition is traced with what it observed; the branch not taken is
 *       traced as skipped.
 *   <li>{@code requiresClaim}: its child counts only if a claim was filed before the deadline.
 *   <li>{@code perOutage}: its child is evaluated once per outage that counted downtime, seeing
 *       that outage alone, and each line rests on that outage; caps under it cap each outage.
 * </ul>
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>Ids: a letter or digit, then letters, digits, {@code .}, {@code _} or {@code -}; a null or
 *       bad id, a null child (named by index, {@code sla.children[1]}) or a null parameter is an
 *       {@link InvalidInputException} naming it.
 *   <li>Decimals (percentages, thresholds, tier bounds and values, multiples, counts of days or
 *       periods): at most 18 integer digits and 12 decimals, trailing zeros aside; text that is not
 *       a decimal ({@code "99,9"}, {@code " 99.9"}, {@code "NaN"}) is refused naming the part. Money
 *       is limited by its currency.
 *   <li>Trees: at most {@value Policy#MAX_DEPTH} levels and {@value Policy#MAX_NODES} nodes,
 *       checked when the {@link Policy} is built.
 *   <li>Claim deadlines: at most {@value ClaimDeadline#MAX_DAYS} days and {@value
 *       ClaimDeadline#MAX_CYCLES} billing cycles.
 * </ul>
 */
public final class Rules {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private Rules() {}

  /** How blocks of downtime are counted. */
  public enum BlockCount {
    /** Every block with any downtime counts ("or part thereof"). */
    STARTED,
    /** Only whole blocks count. */
    COMPLETED
  }

  /** How a cap applies. */
  public enum CapScope {
    /** One limit for all the lines of the period. */
    PER_PERIOD,
    /** One limit per incident: lines resting on the same outages share a limit. */
    PER_INCIDENT
  }

  /** How a cap's cut is spread over several lines. */
  public enum Spread {
    /** Earlier lines keep their amounts; the cut falls on the last lines. */
    IN_ORDER,
    /** Every line is reduced by the same factor. */
    PRO_RATA
  }

  /** What happens to the amount a cap cuts. */
  public enum Excess {
    /** It is gone. */
    DROPPED,
    /**
     * It is reported in the decision as carried forward; handed back in the next period's
     * request, it comes in under the same cap as an extra line, subject to the cap again.
     */
    CARRIED_FORWARD
  }

  /** How free periods are valued. */
  public enum FreePeriodValue {
    /**
     * Per month: the price in force at the start of the period (or, for a subscription that
     * started later in the period, on its first active day), per seat, divided by the months of
     * its cycle (an annual price ÷ 12).
     */
    MONTHLY_PRICE,
    /** Per period: the full fee for the billing period. */
    FULL_PERIOD_FEE
  }

  // ---- leaves ----

  /**
   * Availability tiers, each mapped to a percentage of the (prorated) fee for the period.
   *
   * @param id the node id
   * @param tiers the table; gaps and overlaps are rejected when the policy is built, and an
   *     availability exactly on an interior bound that neither neighbour includes gives no credit
   *     and raises {@link DecisionFlag#AMBIGUOUS_BOUNDARY}
   */
  public static AvailabilityTiersRule availabilityTiers(String id, Tier... tiers) {
    return new AvailabilityTiersRule(checkId(id), listOf(id + ".tiers", tiers));
  }

  /**
   * A percentage of the fee per block of downtime: "5 % per 30 minutes or part thereof".
   *
   * @param id the node id
   * @param block the block length, positive
   * @param percentPerBlock the percentage per block, not negative
   * @param count started or completed blocks
   */
  public static PerBlockRule perBlock(String id, Duration block, BigDecimal percentPerBlock, BlockCount count) {
    return new PerBlockRule(id, block, percentPerBlock, count);
  }

  /**
   * A multiple of the prorated fee for the downtime beyond an availability allowance: "10x the
   * prorated fee for downtime beyond 99.9 %".
   *
   * @param id the node id
   * @param multiple the multiple, not negative
   * @param availabilityPercent the availability promised; downtime up to {@code (100 % - it)} of
   *     the measurement's denominator is allowed
   */
  public static ProratedMultipleRule multipleOfProratedFee(String id, BigDecimal multiple, BigDecimal availabilityPercent) {
    checkId(id);
    Decimals.check(id + ".availabilityPercent", availabilityPercent);
    return new ProratedMultipleRule(id, multiple, new ProratedMultipleRule.AvailabilityPercent(availabilityPercent));
  }

  /** As {@link #multipleOfProratedFee(String, BigDecimal, BigDecimal)} with a fixed allowance. */
  public static ProratedMultipleRule multipleOfProratedFee(String id, BigDecimal multiple, Duration allowance) {
    checkId(id);
    return new ProratedMultipleRule(id, multiple,
        new ProratedMultipleRule.FixedAllowance(Checks.notNegative(id + ".allowance", allowance)));
  }

  /**
   * Availability tiers mapped to days of service ("3 days of service credit"): a term extension
   * and, when valued at a day count, also money at that day count's daily rate of the full fee.
   *
   * <pre>{@code
   * Rules.daysOfService("days", DaysValue.TERM_EXTENSION_ONLY,
   *     Tier.range("99.0", "99.9", "1"), Tier.range("95.0", "99.0", "3"), Tier.range("0", "95.0", "7"));
   * }</pre>
   *
   * <p>The credit line carries the days and the subscription's new term end ({@link
   * CreditLine#extendsTermTo()}): the service is paid through the end of the prepaid cycle that
   * holds the billing period (the period itself, or the year of an annual price billed monthly),
   * or the end of the subscription's active window if that is earlier, and the days extend that by
   * local days in the account's zone. Days may be fractional (a tier of {@code 0.5}, or a cut by a
   * cap spread pro rata); see {@link CreditLine#extendsTermTo()}.
   *
   * @param id the node id
   * @param value {@link DaysValue#TERM_EXTENSION_ONLY} (amount zero) or {@link
   *     DaysValue#valuedAt(DayCount)}, not null
   * @param tiers the table (values are days)
   * @throws InvalidInputException naming {@code <id>.value} if the value is null
   */
  public static DaysOfServiceRule daysOfService(String id, DaysValue value, Tier... tiers) {
    return new DaysOfServiceRule(checkId(id), listOf(id + ".tiers", tiers), value);
  }

  /** A number of free months or periods: "two months free". */
  public static FreePeriodsRule freePeriods(String id, BigDecimal count, FreePeriodValue valuation) {
    return new FreePeriodsRule(checkId(id), count, valuation);
  }

  /**
   * A fixed percentage of the (prorated) fee for the period, whenever the rule is evaluated:
   * "10 % of the monthly fee". It gives a credit every time, so it usually sits under {@link
   * #when} with the condition that decides whether it applies; the reason shows the numbers,
   * such as {@code 10 % of USD 20.00 = USD 2.00}.
   *
   * <pre>{@code
   * Rules.when("goodwill", Conditions.all(
   *         Conditions.affectedByOutageTagged("storage"), Conditions.inGoodStandingAtIncident()),
   *     Rules.percentOfFee("ten-percent", new BigDecimal("10")));
   * }</pre>
   *
   * @param id the node id
   * @param percent the percentage, not negative; above 100 is allowed (a credit larger than the
   *     fee is a policy's choice, not an input error)
   * @throws InvalidInputException naming {@code <id>.percent} if it is null or negative
   */
  public static PercentOfFeeRule percentOfFee(String id, BigDecimal percent) {
    return new PercentOfFeeRule(id, percent);
  }

  /** A fixed amount; give one per currency served. */
  public static FlatAmountRule flatAmount(String id, Money... amounts) {
    return new FlatAmountRule(checkId(id), listOf(id + ".amounts", amounts));
  }

  // ---- combinators ----

  /** Every child's lines. */
  public static Sum sum(String id, RuleNode... children) {
    return new Sum(checkId(id), listOf(id + ".children", children));
  }

  /** The child worth the most; ties to the first written. */
  public static MostGenerous mostGenerous(String id, RuleNode... children) {
    return new MostGenerous(checkId(id), listOf(id + ".children", children));
  }

  /** The first child that gives a credit; later ones skipped. */
  public static FirstMatch firstMatch(String id, RuleNode... children) {
    return new FirstMatch(checkId(id), listOf(id + ".children", children));
  }

  /** At most one child may give a credit; more is an error. */
  public static ExactlyOne exactlyOne(String id, RuleNode... children) {
    return new ExactlyOne(checkId(id), listOf(id + ".children", children));
  }

  /** A cap per period, cut spread in order. */
  public static Cap cap(String id, CapLimit limit, RuleNode child) {
    return cap(id, limit, CapScope.PER_PERIOD, Spread.IN_ORDER, child);
  }

  /** A cap with an explicit scope and spread; the excess is dropped. */
  public static Cap cap(String id, CapLimit limit, CapScope scope, Spread spread, RuleNode child) {
    return cap(id, limit, scope, spread, Excess.DROPPED, child);
  }

  /** A cap with an explicit scope, spread, and treatment of the excess. */
  public static Cap cap(
      String id, CapLimit limit, CapScope scope, Spread spread, Excess excess, RuleNode child) {
    return new Cap(id, limit, scope, spread, excess, child);
  }

  /** {@code then} if the condition holds, else no credit. */
  public static When when(String id, Condition condition, RuleNode then) {
    checkId(id);
    return new When(id, condition, then, java.util.Optional.empty());
  }

  /** {@code then} if the condition holds, else {@code otherwise}. */
  public static When when(String id, Condition condition, RuleNode then, RuleNode otherwise) {
    checkId(id);
    return new When(id, condition, then, java.util.Optional.of(Checks.notNull(id + ".otherwise", otherwise)));
  }

  /** The child counts only if a claim covering the subscription was filed before the deadline. */
  public static RequiresClaim requiresClaim(String id, ClaimDeadline deadline, RuleNode child) {
    return new RequiresClaim(id, deadline, child);
  }

  /**
   * The child evaluated once per outage that counted downtime in the period, each time seeing
   * only that outage; one line per outage, each with its own key ({@link PerOutage}).
   *
   * <pre>{@code
   * Rules.perOutage("each", Rules.cap("at-most-fee", CapLimit.percentOfFee(new BigDecimal("100")),
   *     Rules.multipleOfProratedFee("fifty-times", new BigDecimal("50"), Duration.ZERO)));
   * }</pre>
   *
   * @param id the node id
   * @param child the node evaluated per outage; it may not hold a cap that carries its cut forward
   * @return the node
   * @throws InvalidInputException naming {@code rule.id} or {@code <id>.child}
   */
  public static PerOutage perOutage(String id, RuleNode child) {
    return new PerOutage(id, child);
  }

  // ---- shared checks ----

  static String checkId(String id) {
    Checks.notNull("rule.id", id);
    if (!ID.matcher(id).matches()) {
      throw InvalidInputException.of("rule.id",
          "must start with a letter or digit and use only letters, digits, '.', '_' and '-'", "\"" + id + "\"");
    }
    return id;
  }

  /**
   * The items of a varargs array as a list, failing on a null array or a null item with the item's
   * index in the field, such as {@code sla.children[1]}.
   */
  static <T> List<T> listOf(String field, T[] items) {
    Checks.notNull(field, items);
    List<T> list = new ArrayList<>(items.length);
    for (int i = 0; i < items.length; i++) {
      list.add(Checks.notNull(field + "[" + i + "]", items[i]));
    }
    return List.copyOf(list);
  }

  static List<RuleNode> checkChildren(String id, List<RuleNode> children) {
    Checks.notEmpty(id + ".children", children);
    for (int i = 0; i < children.size(); i++) {
      Checks.notNull(id + ".children[" + i + "]", children.get(i));
    }
    return List.copyOf(children);
  }

  static RuleNode checkChild(String id, RuleNode child) {
    return Checks.notNull(id + ".child", child);
  }

  static Condition checkCondition(String id, Condition condition) {
    return Checks.notNull(id + ".condition", condition);
  }

  static Duration positive(String field, Duration d) {
    return Checks.positive(field, d);
  }

  /** A decimal parameter: within the limits of {@link Decimals}, and not negative. */
  static BigDecimal notNegative(String field, BigDecimal v) {
    Decimals.check(field, v);
    if (v.signum() < 0) {
      throw InvalidInputException.of(field, "must not be negative", v.toPlainString());
    }
    return v;
  }

}
