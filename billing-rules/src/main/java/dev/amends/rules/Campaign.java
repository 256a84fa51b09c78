package dev.amends.rules;

import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.money.Rounding;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A one-off goodwill grant: "two months free for every customer of the grid service". Unlike a
 * {@link Policy}, which decides every billing period it is in force for, a campaign grants once.
 *
 * <pre>{@code
 * Campaign goodwill = Campaign.builder()
 *     .id("goodwill-2007")
 *     .eligibleAt(Instant.parse("2007-12-10T17:00:00Z"))
 *     .eligibility(Conditions.placedUnder(Scope.of("grid")))
 *     .unit(Campaign.Unit.PER_SUBSCRIPTION)
 *     .grant(Rules.freePeriods("two-months-free", new BigDecimal("2"), Rules.FreePeriodValue.MONTHLY_PRICE))
 *     .rounding(Rounding.of(RoundingMode.HALF_UP))
 *     .build();
 * CreditEngine engine = CreditEngine.builder().policies(book).outages(log).campaigns(goodwill).build();
 * }</pre>
 *
 * <p>What it means, exactly:
 * <ul>
 *   <li><b>Who is eligible</b> is judged at the {@link #eligibleAt()} instant: a subscription is
 *       eligible if it is active at that instant and the {@link #eligibility()} condition holds
 *       for it, tested on the billing period that contains the instant (so a condition such as
 *       "affected by outage X" sees that period's measurement, under {@link
 *       #measurementRules()}).
 *   <li><b>When it lands</b>: in the decision for the account's billing period that contains
 *       {@link #eligibleAt()}, computed in the account's own zone and schedule. Every account
 *       meets the instant in exactly one of its periods, so it lands exactly once whatever the
 *       zone; decisions for other periods do not include it.
 *   <li><b>The unit</b> is stated: {@link Unit#PER_SUBSCRIPTION} gives one line per eligible
 *       subscription, each valued on that subscription; {@link Unit#PER_ACCOUNT} gives one line
 *       per account, valued on its first eligible subscription by id, and the account's other
 *       subscriptions are traced as skipped.
 *   <li><b>Keys</b>: a grant line's idempotency key is made of the campaign id, the account, the
 *       subscription (per subscription only) and the rule's path; it does not depend on the
 *       period, the zone or the amount. Hand the issued lines back as {@link
 *       DecisionRequest#issued()} and a re-run grants nothing twice; a corrected campaign
 *       reconciles against the same key.
 * </ul>
 *
 * <p>A grant is worth what it says even when that is more than a period's fee ("two months
 * free"), so grant lines never raise {@link DecisionFlag#OVER_FULL_FEE}.
 *
 * <p>Grant lines carry the campaign id as their policy id, version 1 and the campaign's
 * {@link #digest()}. The grant tree is checked like a policy's: ids, tiers and the rest, every
 * problem listed. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Campaign {
  Campaign() {}

  /**
   * The {@code "schema"} of a campaign document, which {@link #canonical()} starts with: the
   * canonical form of a campaign is its JSON document ({@code dev.amends.rules.json.CampaignDocuments}).
   */
  public static final String SCHEMA = "amends.campaign/1";

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Who a grant is counted for. */
  public enum Unit {
    /** One line per account, valued on its first eligible subscription by id. */
    PER_ACCOUNT,
    /** One line per eligible subscription, each valued on that subscription. */
    PER_SUBSCRIPTION
  }

  /** The campaign's id, such as {@code goodwill-2007}; it is the policy id of its lines. */
  public abstract String id();

  /**
   * The instant eligibility is judged at. The grant lands in the billing period that contains
   * it, in each account's own zone and schedule.
   */
  public abstract Instant eligibleAt();

  /**
   * Who is eligible, beyond being active at {@link #eligibleAt()}: a plan, a placement, an
   * outage, a standing. Use {@link Conditions#all(Condition...)} to combine.
   */
  public abstract Condition eligibility();

  /** Per account or per subscription: always stated, never assumed. */
  public abstract Unit unit();

  /** What one eligible subscription (or account) is granted: a free-period, flat-amount or any rule tree. */
  public abstract RuleNode grant();

  /** How each grant line is rounded, once, to the currency's scale. Required. */
  public abstract Rounding rounding();

  /**
   * Per currency, the amount above which a grant line is flagged {@link
   * DecisionFlag#NEEDS_REVIEW}, with a warning naming the campaign, the line and the limit; none
   * by default. A safety net for a grant of absurd size (a count typed with three zeros too many):
   * {@code reviewAbove(Money.parse("USD 500.00"))}. At most one amount per currency, not negative.
   */
  public abstract java.util.List<org.joda.money.Money> reviewAbove();

  /** How downtime is measured for eligibility conditions that look at it; the defaults if not given. */
  @Value.Default
  public MeasurementRules measurementRules() {
    return MeasurementRules.defaults();
  }

  /**
   * The campaign as the engine runs it: a policy with the campaign's id, in force only at
   * {@link #eligibleAt()}, whose tree is {@code when(<id>, all(active at eligibleAt,
   * eligibility), grant)}, and which allows credits over the period's fee. Building it checks the
   * grant tree.
   */
  @Value.Lazy
  Policy policy() {
    return Policy.builder()
        .id(id())
        .version(1)
        .effectiveFrom(eligibleAt())
        .effectiveUntil(eligibleAt().plusNanos(1))
        .measurementRules(measurementRules())
        .rule(Rules.when(id(), eligible(), grant()))
        .rounding(rounding())
        .allowsOverFullFee(true)
        .build();
  }

  /**
   * Who is eligible, in full: {@code all(active at eligibleAt, eligibility)}, the condition of
   * the {@link #policy()}'s tree; the engine tests it first, before the fee and the measurement.
   */
  @Value.Lazy
  Condition eligible() {
    return Conditions.all(Conditions.activeAt(eligibleAt()), eligibility());
  }

  /** {@code not eligible: } and the canonical form of {@link #eligible()}: the trace of a subscription ruled out. */
  @Value.Lazy
  String notEligible() {
    return "not eligible: " + eligibleCanonical();
  }

  /** The canonical form of {@link #eligible()}, computed once. */
  @Value.Lazy
  String eligibleCanonical() {
    return eligible().canonical();
  }

  /**
   * The canonical text the digest is computed from: the campaign's canonical JSON document
   * ({@code dev.amends.rules.json.CampaignDocuments} reads it back), starting with {@code
   * "schema": "amends.campaign/1"} ({@link #SCHEMA}), then the id, eligibleAt, eligibility, unit,
   * grant, rounding and measurement rules, every term written (defaults too), decimals in their
   * shortest form.
   */
  @Value.Lazy
  public String canonical() {
    return Canonical.of(this);
  }

  /** {@code sha256:} and the hex SHA-256 of {@link #canonical()}; recorded on every grant line. */
  @Value.Lazy
  public String digest() {
    return Canonical.digest(canonical());
  }

  @Value.Check
  void check() {
    java.util.Set<org.joda.money.CurrencyUnit> currencies = new java.util.HashSet<>();
    for (int i = 0; i < reviewAbove().size(); i++) {
      org.joda.money.Money m = reviewAbove().get(i);
      if (m.isNegative()) {
        throw dev.amends.core.InvalidInputException.of("campaign.reviewAbove[" + i + "]", "must not be negative", m);
      }
      if (!currencies.add(m.getCurrencyUnit())) {
        throw dev.amends.core.InvalidInputException.of("campaign.reviewAbove[" + i + "]",
            "repeats the currency " + m.getCurrencyUnit(), m);
      }
    }
    // The id, the tree, the rounding: everything a policy checks, every problem listed.
    try {
      policy();
    } catch (PolicyDefinitionException e) {
      throw new PolicyDefinitionException("campaign " + id(), e.problems());
    }
  }

  /** Builds a {@link Campaign}; {@link #build()} checks the whole grant tree. */
  public static final class Builder extends ImmutableCampaign.Builder {
    Builder() {}

    /**
     * Builds the campaign.
     *
     * @throws dev.amends.core.InvalidInputException if a required field is missing
     * @throws PolicyDefinitionException listing every problem of the grant tree
     */
    @Override
    public Campaign build() {
      return super.build();
    }
  }

  @Override
  public String toString() {
    return "campaign " + id() + " " + unit() + " eligible at " + eligibleAt();
  }
}
