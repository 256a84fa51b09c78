package dev.amends.rules.engine;

import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Price;
import dev.amends.core.measure.Contribution;
import dev.amends.core.measure.Measurement;
import dev.amends.core.money.DayCount;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.rules.AvailabilityTiersRule;
import dev.amends.rules.DaysOfServiceRule;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.FlatAmountRule;
import dev.amends.rules.FreePeriodsRule;
import dev.amends.rules.Outcome;
import dev.amends.rules.PerBlockRule;
import dev.amends.rules.PercentOfFeeRule;
import dev.amends.rules.ProratedMultipleRule;
import dev.amends.rules.ProratedMultipleRule.AvailabilityPercent;
import dev.amends.rules.ProratedMultipleRule.FixedAllowance;
import dev.amends.rules.RuleContext;
import dev.amends.rules.Rules;
import dev.amends.rules.StandardRule;
import dev.amends.rules.Tier;
import dev.amends.rules.TraceValue;
import dev.amends.rules.internal.Texts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.joda.money.Money;

/**
 * What each standard rule kind means: one small final {@link Leaf} class per kind, holding what
 * the kind needs converted once (tier tables, percentages and multiples as exact fractions), and
 * chosen by an exhaustive {@code switch} over {@link StandardRule} in {@link #compile}, so that a
 * new kind does not compile until it is given its meaning here. The records themselves are data;
 * the behaviour each is documented with (in {@link Rules}) is this class's.
 *
 * <p>A leaf writes what it decides to a {@link LeafOut}: inside a policy evaluated without traces,
 * straight into the subscription's lines (no {@link Outcome}, no {@link TraceValue}, no reason for
 * a leaf that gives nothing); with traces, and through {@link #evaluate}, into an {@link Outcome}.
 */
public final class StandardRules {
  private StandardRules() {}

  /**
   * Decides the credit of a standard rule on one context, with the rule as compiled in {@code
   * compiled} (a rule that is not in it is compiled now).
   *
   * @param rule the rule, not null
   * @param context the facts, not null
   * @param compiled the policy's compiled data, or {@link CompiledPolicy#EMPTY}
   * @return the outcome, not null
   */
  public static Outcome evaluate(StandardRule rule, RuleContext context, CompiledPolicy compiled) {
    LeafOut.Made made = new LeafOut.Made();
    compiled.leaf(rule).write(context, made);
    return made.outcome();
  }

  /** A standard rule compiled: its kind's meaning with its decimals and tiers converted once. */
  static Leaf compile(StandardRule rule) {
    return switch (rule) {
      case AvailabilityTiersRule a -> new Tiers(new TierTable(a.tiers()));
      case DaysOfServiceRule d -> new Days(d, new TierTable(d.tiers()));
      case FlatAmountRule f -> new Flat(f);
      case FreePeriodsRule f -> new FreePeriods(f);
      case PerBlockRule b -> new PerBlock(b);
      case PercentOfFeeRule p -> new PercentOfFee(p);
      case ProratedMultipleRule r -> new ProratedMultiple(r);
    };
  }

  /** The ids of the outages that contributed counted downtime. */
  static List<String> countedIds(RuleContext context) {
    List<Contribution> cs = Facts.figures(context).contributions();
    return switch (cs.size()) {
      case 0 -> List.of();
      case 1 -> List.of(cs.get(0).outageId());
      default -> {
        String[] ids = new String[cs.size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = cs.get(i).outageId();
        }
        yield List.of(ids);
      }
    };
  }

  /** One standard rule compiled: the meaning of its kind. Immutable; shared by every thread. */
  abstract static sealed class Leaf {
    /** Decides on a context, writing the credit, or that there is none, to {@code out}. */
    abstract void write(RuleContext context, LeafOut out);
  }

  private static final class Tiers extends Leaf {
    private final TierTable table;
    /**
     * Per tier, the constant middle of its reason: {@code " < 99.9 % -> 10 % of "}, written once
     * here instead of per subscription.
     */
    private final String[] reasonMiddles;

    Tiers(TierTable table) {
      this.table = table;
      this.reasonMiddles = new String[table.size()];
      for (int i = 0; i < reasonMiddles.length; i++) {
        Tier t = table.tier(i);
        reasonMiddles[i] = TierTable.upperBound(t) + " -> " + Texts.plain(t.value()) + " % of ";
      }
    }

    @Override
    void write(RuleContext context, LeafOut out) {
      Measurement m = Facts.figures(context);
      Ratio availability = m.availability();
      int i = table.index(availability);
      if (i < 0) {
        unmapped(table, availability, m, out);
        return;
      }
      Tier t = table.tier(i);
      ExactMoney fee = context.fee().fee();
      ExactMoney credit = fee.multipliedBy(table.percentOf(i));
      out.credit(credit, "availability " + Texts.percent(m) + reasonMiddles[i] + Texts.money(fee));
      out.availability("availability", availability);
      out.tier("tier", t);
      out.percent("percent", t.value());
      out.money("fee", fee);
      out.outages(context);
    }
  }

  /** No tier holds the availability: no credit, flagged when it sits on a boundary no tier includes. */
  private static void unmapped(TierTable table, Ratio availability, Measurement m, LeafOut out) {
    boolean onBoundary = table.onOpenBoundaries(availability);
    out.noCredit(() -> table.unmappedReason(availability, Texts.percent(m), onBoundary));
    out.availability("availability", availability);
    if (onBoundary) {
      out.flag(DecisionFlag.AMBIGUOUS_BOUNDARY);
    }
  }

  private static final class Days extends Leaf {
    private final TierTable table;
    private final DayCount valuation; // null: days of term only

    Days(DaysOfServiceRule rule, TierTable table) {
      this.table = table;
      this.valuation = rule.value().dayCount().orElse(null);
    }

    @Override
    void write(RuleContext context, LeafOut out) {
      Measurement m = Facts.figures(context);
      Ratio availability = m.availability();
      int i = table.index(availability);
      if (i < 0) {
        unmapped(table, availability, m, out);
        return;
      }
      Tier t = table.tier(i);
      Ratio days = table.valueOf(i);
      String bound = TierTable.upperBound(t);
      if (valuation == null) {
        out.credit(ExactMoney.zero(context.account().currency()),
            "availability " + Texts.percent(m) + bound + " -> " + Texts.plain(t.value()) + " days of service");
        out.days(days);
        out.availability("availability", availability);
        out.days("days", days);
        out.outages(context);
        return;
      }
      ExactMoney rate = valuation.dailyRate(context.fee().fullFee(), context.period());
      ExactMoney worth = rate.multipliedBy(days);
      out.credit(worth,
          "availability " + Texts.percent(m) + bound + " -> " + Texts.plain(t.value()) + " days of service at "
              + Texts.money(rate) + " a day (" + valuation + ") = " + Texts.money(worth));
      out.days(days);
      out.availability("availability", availability);
      out.days("days", days);
      out.money("dailyRate", rate);
      out.outages(context);
    }
  }

  private static final class Flat extends Leaf {
    private final FlatAmountRule rule;

    Flat(FlatAmountRule rule) {
      this.rule = rule;
    }

    @Override
    void write(RuleContext context, LeafOut out) {
      Money amount = null;
      for (Money m : rule.amounts()) {
        if (m.getCurrencyUnit().equals(context.account().currency())) {
          amount = m;
          break;
        }
      }
      if (amount == null) {
        throw InvalidInputException.of(
            rule.id() + ".amounts", "has no amount in " + context.account().currency(), rule.amounts());
      }
      ExactMoney exact = ExactMoney.of(amount);
      out.credit(exact, "flat credit of " + amount);
      out.money("amount", exact);
    }
  }

  private static final class FreePeriods extends Leaf {
    private final FreePeriodsRule rule;
    private final Ratio count;

    FreePeriods(FreePeriodsRule rule) {
      this.rule = rule;
      this.count = Ratio.of(rule.count());
    }

    @Override
    void write(RuleContext context, LeafOut out) {
      String n = Texts.plain(rule.count());
      if (rule.valuation() == Rules.FreePeriodValue.FULL_PERIOD_FEE) {
        ExactMoney fee = context.fee().fullFee();
        ExactMoney credit = fee.multipliedBy(count);
        out.credit(credit, n + " period(s) free at " + Texts.money(fee) + " a period = " + Texts.money(credit));
        out.number("count", rule.count());
        out.money("periodFee", fee);
        return;
      }
      // The price in force at the start of the period; for a subscription that started within the
      // period under a price that starts with it, the price in force on its first active day.
      java.time.LocalDate on = context.period().startDate();
      if (context.subscription().prices().priceOn(on).isEmpty()) {
        on = context.fee().activeWindow()
            .map(w -> java.time.LocalDate.ofInstant(w.getStart(), context.period().zone()))
            .orElse(on);
      }
      java.time.LocalDate priceDate = on;
      Price price = context.subscription().prices().priceOn(priceDate)
          .orElseThrow(() -> InvalidInputException.of("subscription.prices",
              "has no price in force on " + priceDate, context.subscription().prices()));
      ExactMoney monthly = ExactMoney.of(price.amount())
          .multipliedBy(context.subscription().seats())
          .dividedBy(Ratio.of(price.per().months()));
      ExactMoney credit = monthly.multipliedBy(count);
      String per = price.per().months() == 1 ? "" : " (" + price.amount() + " per " + price.per() + " / "
          + price.per().months() + ")";
      out.credit(credit,
          n + " month(s) free at " + Texts.money(monthly) + " a month" + per + " = " + Texts.money(credit));
      out.number("count", rule.count());
      out.money("monthlyPrice", monthly);
    }
  }

  /**
   * The blocks of {@code block} in {@code down}, started (rounded up) or completed (down):
   * {@code Ratio.of(down, block)}'s ceiling or floor, in longs when both fit in nanoseconds.
   */
  static BigInteger blocks(Duration down, Duration block, boolean started) {
    long d = nanosOrMin(down);
    long b = nanosOrMin(block);
    if (d != Long.MIN_VALUE && b != Long.MIN_VALUE && b > 0) {
      return BigInteger.valueOf(started ? Math.ceilDiv(d, b) : Math.floorDiv(d, b));
    }
    Ratio exact = Ratio.of(down, block);
    return started ? exact.ceiling() : exact.floor();
  }

  /** The duration in nanoseconds, or {@code Long.MIN_VALUE} when that does not fit. */
  private static long nanosOrMin(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MIN_VALUE;
    }
  }

  private static final class PerBlock extends Leaf {
    private final Duration block;
    private final BigDecimal percentPerBlock;
    private final Ratio perBlock; // percentPerBlock as a fraction
    private final boolean started;
    /** The constant parts of the reason, written once: {@code " started block(s) of 30 min"} and {@code "5"}. */
    private final String blocksOf;
    private final String percentText;

    PerBlock(PerBlockRule rule) {
      this.block = rule.block();
      this.percentPerBlock = rule.percentPerBlock();
      this.perBlock = Ratio.percent(percentPerBlock);
      this.started = rule.count() == Rules.BlockCount.STARTED;
      this.blocksOf = " " + (started ? "started" : "completed") + " block(s) of " + Texts.minutes(block);
      this.percentText = Texts.plain(percentPerBlock);
    }

    @Override
    void write(RuleContext context, LeafOut out) {
      Duration down = Facts.figures(context).downtime();
      BigInteger blocks = blocks(down, block, started);
      if (blocks.signum() == 0) {
        out.noCredit(() -> Texts.minutes(down) + " down = " + counted(blocks));
        out.duration("downtime", down);
        return;
      }
      ExactMoney fee = context.fee().fee();
      BigDecimal percent = percentPerBlock.multiply(new BigDecimal(blocks));
      // percentPerBlock x blocks %, exactly: the per-block fraction converted once, times the count
      ExactMoney credit = fee.multipliedBy(blocks.bitLength() < Long.SIZE
          ? perBlock.multipliedBy(blocks.longValue())
          : perBlock.multipliedBy(Ratio.of(blocks, BigInteger.ONE)));
      out.credit(credit,
          Texts.minutes(down) + " down = " + counted(blocks) + " x " + percentText + " % = "
              + Texts.plain(percent) + " % of " + Texts.money(fee));
      out.duration("downtime", down);
      out.count("blocks", blocks.longValueExact());
      out.percent("percent", percent);
      out.money("fee", fee);
      out.outages(context);
    }

    private String counted(BigInteger blocks) {
      return Texts.integer(blocks) + blocksOf;
    }
  }

  private static final class PercentOfFee extends Leaf {
    private final BigDecimal percent;
    private final Ratio fraction;

    PercentOfFee(PercentOfFeeRule rule) {
      this.percent = rule.percent();
      this.fraction = Ratio.percent(percent);
    }

    @Override
    void write(RuleContext context, LeafOut out) {
      ExactMoney fee = context.fee().fee();
      ExactMoney credit = fee.multipliedBy(fraction);
      out.credit(credit, Texts.plain(percent) + " % of " + Texts.money(fee) + " = " + Texts.money(credit));
      out.percent("percent", percent);
      out.money("fee", fee);
      out.outages(context);
    }
  }

  private static final class ProratedMultiple extends Leaf {
    private static final Ratio NANOS_A_MINUTE = Ratio.of(60_000_000_000L);
    private final BigDecimal multiple;
    private final Ratio multipleRatio;
    private final Ratio fixedNanos; // a fixed allowance in nanoseconds, or null
    private final Duration fixed;
    private final BigDecimal percent; // an allowance as a share of the denominator, or null
    private final Ratio unavailable; // 100 % - percent, as a fraction

    ProratedMultiple(ProratedMultipleRule rule) {
      this.multiple = rule.multiple();
      this.multipleRatio = Ratio.of(multiple);
      switch (rule.allowance()) {
        case FixedAllowance(Duration d) -> {
          this.fixed = d;
          this.fixedNanos = Ratio.of(d, Duration.ofNanos(1));
          this.percent = null;
          this.unavailable = null;
        }
        case AvailabilityPercent(BigDecimal p) -> {
          this.fixed = null;
          this.fixedNanos = null;
          this.percent = p;
          this.unavailable = Ratio.percent(p).complement();
        }
      }
    }

    @Override
    void write(RuleContext context, LeafOut out) {
      Measurement m = Facts.figures(context);
      Ratio downNanos = Ratio.of(m.downtime(), Duration.ofNanos(1));
      Ratio allowedNanos = fixedNanos != null
          ? fixedNanos
          : Ratio.of(m.denominator(), Duration.ofNanos(1)).multipliedBy(unavailable);
      Ratio excess = downNanos.minus(allowedNanos);
      if (excess.signum() <= 0) {
        out.noCredit(() -> Texts.minutes(m.downtime()) + " down <= allowance " + minutes(allowedNanos) + " = "
            + allowanceText(m));
        out.duration("downtime", m.downtime());
        out.nanos("allowance", allowedNanos);
        return;
      }
      String allowedMin = minutes(allowedNanos);
      ExactMoney fullFee = context.fee().fullFee();
      Ratio periodNanos = Ratio.of(context.period().length(), Duration.ofNanos(1));
      ExactMoney prorated = fullFee.multipliedBy(excess.dividedBy(periodNanos));
      ExactMoney credit = prorated.multipliedBy(multipleRatio);
      String excessMin = minutes(excess);
      out.credit(credit,
          Texts.plain(multiple) + " x the fee for " + excessMin + " down beyond the allowance of " + allowedMin
              + " (" + Texts.money(fullFee) + " x " + excessMin + " / " + Texts.minutes(context.period().length())
              + " = " + Texts.money(prorated) + ")");
      out.duration("downtime", m.downtime());
      out.nanos("allowance", allowedNanos);
      out.nanos("excess", excess);
      out.money("proratedFee", prorated);
      out.outages(context);
    }

    private String allowanceText(Measurement m) {
      return fixed != null ? fixed.toString()
          : "(100 % - " + Texts.plain(percent) + " %) of " + Texts.minutes(m.denominator());
    }

    private static String minutes(Ratio nanos) {
      return Texts.number(nanos.dividedBy(NANOS_A_MINUTE)) + " min";
    }
  }

}
