package dev.amends.rules.engine;

import dev.amends.rules.AvailabilityTiersRule;
import dev.amends.rules.CreditRule;
import dev.amends.rules.FlatAmountRule;
import dev.amends.rules.FreePeriodsRule;
import dev.amends.rules.StandardRule;
import dev.amends.rules.Cap;
import dev.amends.rules.CapLimit;
import dev.amends.rules.Combinator;
import dev.amends.rules.DaysOfServiceRule;
import dev.amends.rules.PerBlockRule;
import dev.amends.rules.PercentOfFeeRule;
import dev.amends.rules.ProratedMultipleRule;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Tier;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A rule tree prepared once for evaluation: the tier tables of its tier rules, their bounds
 * converted to exact fractions, and every percentage and multiple of its rules and caps as an
 * exact {@link Ratio}, so that evaluating a subscription converts no decimal. Built
 * lazily by {@link Policy} and shared by every thread; immutable once built.
 */
public final class CompiledPolicy {
  /** Nothing compiled: every tier rule builds its table when evaluated. */
  public static final CompiledPolicy EMPTY = new CompiledPolicy(Map.of(), Map.of(), Map.of());

  private final Map<RuleNode, TierTable> tables;
  // Keyed by the decimals of the tree themselves (identity): a rule asks with its own field.
  private final Map<BigDecimal, Ratio> percents;
  private final Map<BigDecimal, Ratio> values;

  private CompiledPolicy(Map<RuleNode, TierTable> tables, Map<BigDecimal, Ratio> percents,
      Map<BigDecimal, Ratio> values) {
    this.tables = tables;
    this.percents = percents;
    this.values = values;
  }

  /** Compiles a tree, without recursion (its size is bounded by {@link Policy#MAX_NODES}). */
  public static CompiledPolicy of(RuleNode root) {
    Map<RuleNode, TierTable> tables = new IdentityHashMap<>();
    Map<BigDecimal, Ratio> percents = new IdentityHashMap<>();
    Map<BigDecimal, Ratio> values = new IdentityHashMap<>();
    ArrayDeque<RuleNode> nodes = new ArrayDeque<>();
    nodes.push(root);
    while (!nodes.isEmpty()) {
      RuleNode node = nodes.pop();
      switch (node) {
        case StandardRule standard -> {
          switch (standard) {
            case AvailabilityTiersRule a -> {
              tables.computeIfAbsent(a, n -> new TierTable(a.tiers()));
              a.tiers().forEach(t -> percents.computeIfAbsent(t.value(), Ratio::percent));
            }
            case PercentOfFeeRule p -> percents.computeIfAbsent(p.percent(), Ratio::percent);
            case PerBlockRule b -> percents.computeIfAbsent(b.percentPerBlock(), Ratio::percent);
            case ProratedMultipleRule r -> {
              values.computeIfAbsent(r.multiple(), Ratio::of);
              if (r.allowance() instanceof ProratedMultipleRule.AvailabilityPercent(BigDecimal p)) {
                percents.computeIfAbsent(p, Ratio::percent);
              }
            }
            case DaysOfServiceRule d -> tables.computeIfAbsent(d, n -> new TierTable(d.tiers()));
            case FlatAmountRule f -> { }
            case FreePeriodsRule f -> { }
          }
        }
        case CreditRule own -> { }
        case Cap c -> {
          if (c.limit() instanceof CapLimit.PercentOfFee(BigDecimal p)) {
            percents.computeIfAbsent(p, Ratio::percent);
          }
          c.children().forEach(nodes::push);
        }
        case Combinator c -> c.children().forEach(nodes::push);
      }
    }
    return new CompiledPolicy(tables, percents, values);
  }

  /**
   * {@link Ratio#percent(BigDecimal)} of a decimal of the tree, converted once; any other decimal
   * is converted now. Equal by value either way.
   */
  public Ratio percent(BigDecimal percent) {
    Ratio r = percents.get(percent);
    return r != null ? r : Ratio.percent(percent);
  }

  /** {@link Ratio#of(BigDecimal)} of a decimal of the tree, converted once; any other now. */
  public Ratio value(BigDecimal value) {
    Ratio r = values.get(value);
    return r != null ? r : Ratio.of(value);
  }

  /** The compiled table of a tier rule of the tree, or a new one for a rule that is not in it. */
  public TierTable table(RuleNode rule, java.util.List<Tier> tiers) {
    TierTable t = tables.get(rule);
    return t != null ? t : new TierTable(tiers);
  }
}
