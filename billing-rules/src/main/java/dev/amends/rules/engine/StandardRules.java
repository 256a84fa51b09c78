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
import java.util.Optional;
import org.joda.money.Money;

/**
 * What each standard rule kind means: one arm of an exhaustive {@code switch} over {@link
 * StandardRule} per kind, so that a new kind does not compile until it is given its meaning here.
 * The records themselves are data; the behaviour each is documented with (in {@link Rules}) is
 * this class's.
 */
public final class StandardRules {
  private StandardRules() {}

  /**
   * Decides the credit of a standard rule on one context, with the decimals and tier tables of
   * {@code compiled} (a rule that is not in it converts its own).
   *
   * @param rule the rule, not null
   * @param context the facts, not null
   * @param compiled the policy's compiled data, or {@link CompiledPolicy#EMPTY}
   * @return the outcome, not null
   */
  public static Outcome evaluate(StandardRule rule, RuleContext context, CompiledPolicy compiled) {
    Made made = switch (rule) {
      case AvailabilityTiersRule a -> availabilityTiers(context, compiled.table(a, a.tiers()), compiled);
      case DaysOfServiceRule d -> daysOfService(d, context, compiled.table(d, d.tiers()));
      case FlatAmountRule f -> flatAmount(f, context);
      case FreePeriodsRule f -> freePeriods(f, context);
      case PerBlockRule b -> perBlock(b, context, compiled);
      case PercentOfFeeRule p -> percentOfFee(p, context, compiled);
      case ProratedMultipleRule r -> proratedMultiple(r, context, compiled);
    };
    return made.outcome();
  }

  /** The ids of the outages that contributed counted downtime. */
  static List<String> countedIds(RuleContext context) {
    return context.measurement().contributions().stream().map(Contribution::outageId).toList();
  }

  private static Made availabilityTiers(RuleContext context, TierTable table, CompiledPolicy compiled) {
    Measurement m = context.measurement();
    Ratio availability = m.availability();
    String shown = Texts.percent(m);
    Optional<Tier> tier = table.find(availability);
    if (tier.isEmpty()) {
      return Made.of(table.unmapped(availability, shown));
    }
    Tier t = tier.get();
    ExactMoney fee = context.fee().fee();
    ExactMoney credit = fee.multipliedBy(compiled.percent(t.value()));
    String bound = TierTable.upperBound(t);
    return Made.credit(credit,
            "availability " + shown + bound + " -> " + Texts.plain(t.value()) + " % of " + Texts.money(fee))
        .withValue("availability", TraceValue.availability(availability))
        .withValue("tier", TraceValue.text(t.range()))
        .withValue("percent", TraceValue.percent(t.value()))
        .withValue("fee", TraceValue.money(fee))
        .withOutages(countedIds(context));
  }

  private static Made daysOfService(DaysOfServiceRule rule, RuleContext context, TierTable table) {
    Ratio availability = context.measurement().availability();
    String shown = Texts.percent(context.measurement());
    Optional<Tier> tier = table.find(availability);
    if (tier.isEmpty()) {
      return Made.of(table.unmapped(availability, shown));
    }
    Tier t = tier.get();
    Ratio days = Ratio.of(t.value());
    String bound = TierTable.upperBound(t);
    if (rule.value().dayCount().isEmpty()) {
      return Made.credit(ExactMoney.zero(context.account().currency()),
              "availability " + shown + bound + " -> " + Texts.plain(t.value()) + " days of service")
          .withDays(days)
          .withValue("availability", TraceValue.availability(availability))
          .withValue("days", TraceValue.days(days))
          .withOutages(countedIds(context));
    }
    DayCount valuation = rule.value().dayCount().get();
    ExactMoney rate = valuation.dailyRate(context.fee().fullFee(), context.period());
    ExactMoney worth = rate.multipliedBy(days);
    return Made.credit(worth,
            "availability " + shown + bound + " -> " + Texts.plain(t.value()) + " days of service at "
                + Texts.money(rate) + " a day (" + valuation + ") = " + Texts.money(worth))
        .withDays(days)
        .withValue("availability", TraceValue.availability(availability))
        .withValue("days", TraceValue.days(days))
        .withValue("dailyRate", TraceValue.money(rate))
        .withOutages(countedIds(context));
  }

  private static Made flatAmount(FlatAmountRule rule, RuleContext context) {
    Money amount = rule.amounts().stream()
        .filter(m -> m.getCurrencyUnit().equals(context.account().currency()))
        .findFirst()
        .orElseThrow(() -> InvalidInputException.of(
            rule.id() + ".amounts", "has no amount in " + context.account().currency(), rule.amounts()));
    ExactMoney exact = ExactMoney.of(amount);
    return Made.credit(exact, "flat credit of " + amount).withValue("amount", TraceValue.money(exact));
  }

  private static Made freePeriods(FreePeriodsRule rule, RuleContext context) {
    BigDecimal count = rule.count();
    String n = Texts.plain(count);
    if (rule.valuation() == Rules.FreePeriodValue.FULL_PERIOD_FEE) {
      ExactMoney fee = context.fee().fullFee();
      ExactMoney credit = fee.multipliedBy(Ratio.of(count));
      return Made.credit(credit, n + " period(s) free at " + Texts.money(fee) + " a period = " + Texts.money(credit))
          .withValue("count", TraceValue.number(count))
          .withValue("periodFee", TraceValue.money(fee));
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
    ExactMoney credit = monthly.multipliedBy(Ratio.of(count));
    String per = price.per().months() == 1 ? "" : " (" + price.amount() + " per " + price.per() + " / "
        + price.per().months() + ")";
    return Made.credit(credit,
            n + " month(s) free at " + Texts.money(monthly) + " a month" + per + " = " + Texts.money(credit))
        .withValue("count", TraceValue.number(count))
        .withValue("monthlyPrice", TraceValue.money(monthly));
  }

  private static Made perBlock(PerBlockRule rule, RuleContext context, CompiledPolicy compiled) {
    Duration block = rule.block();
    BigDecimal percentPerBlock = rule.percentPerBlock();
    Duration down = context.measurement().downtime();
    Ratio exact = Ratio.of(down, block);
    boolean started = rule.count() == Rules.BlockCount.STARTED;
    BigInteger blocks = started ? exact.ceiling() : exact.floor();
    String counted = blocks + " " + (started ? "started" : "completed") + " block(s) of " + Texts.minutes(block);
    if (blocks.signum() == 0) {
      return Made.noCredit(Texts.minutes(down) + " down = " + counted)
          .withValue("downtime", TraceValue.duration(down));
    }
    ExactMoney fee = context.fee().fee();
    BigDecimal percent = percentPerBlock.multiply(new BigDecimal(blocks));
    // percentPerBlock x blocks %, exactly: the per-block fraction converted once, times the count
    ExactMoney credit = fee.multipliedBy(compiled.percent(percentPerBlock).multipliedBy(Ratio.of(blocks, BigInteger.ONE)));
    return Made.credit(credit,
            Texts.minutes(down) + " down = " + counted + " x " + Texts.plain(percentPerBlock) + " % = "
                + Texts.plain(percent) + " % of " + Texts.money(fee))
        .withValue("downtime", TraceValue.duration(down))
        .withValue("blocks", TraceValue.count(blocks.longValueExact()))
        .withValue("percent", TraceValue.percent(percent))
        .withValue("fee", TraceValue.money(fee))
        .withOutages(countedIds(context));
  }

  private static Made percentOfFee(PercentOfFeeRule rule, RuleContext context, CompiledPolicy compiled) {
    BigDecimal percent = rule.percent();
    ExactMoney fee = context.fee().fee();
    ExactMoney credit = fee.multipliedBy(compiled.percent(percent));
    return Made.credit(credit,
            Texts.plain(percent) + " % of " + Texts.money(fee) + " = " + Texts.money(credit))
        .withValue("percent", TraceValue.percent(percent))
        .withValue("fee", TraceValue.money(fee))
        .withOutages(countedIds(context));
  }

  private static Made proratedMultiple(ProratedMultipleRule rule, RuleContext context, CompiledPolicy compiled) {
    Measurement m = context.measurement();
    Ratio downNanos = Ratio.of(m.downtime(), Duration.ofNanos(1));
    Ratio allowedNanos = switch (rule.allowance()) {
      case FixedAllowance(Duration d) -> Ratio.of(d, Duration.ofNanos(1));
      case AvailabilityPercent(BigDecimal p) ->
          Ratio.of(m.denominator(), Duration.ofNanos(1)).multipliedBy(compiled.percent(p).complement());
    };
    String allowanceText = switch (rule.allowance()) {
      case FixedAllowance(Duration d) -> d.toString();
      case AvailabilityPercent(BigDecimal p) -> "(100 % - " + Texts.plain(p) + " %) of " + Texts.minutes(m.denominator());
    };
    Ratio excess = downNanos.minus(allowedNanos);
    String allowedMin = Texts.number(allowedNanos.dividedBy(Ratio.of(60_000_000_000L))) + " min";
    if (excess.signum() <= 0) {
      return Made.noCredit(Texts.minutes(m.downtime()) + " down <= allowance " + allowedMin + " = " + allowanceText)
          .withValue("downtime", TraceValue.duration(m.downtime()))
          .withValue("allowance", lengthOf(allowedNanos));
    }
    ExactMoney fullFee = context.fee().fullFee();
    Ratio periodNanos = Ratio.of(context.period().length(), Duration.ofNanos(1));
    ExactMoney prorated = fullFee.multipliedBy(excess.dividedBy(periodNanos));
    ExactMoney credit = prorated.multipliedBy(compiled.value(rule.multiple()));
    String excessMin = Texts.number(excess.dividedBy(Ratio.of(60_000_000_000L))) + " min";
    return Made.credit(credit,
            Texts.plain(rule.multiple()) + " x the fee for " + excessMin + " down beyond the allowance of " + allowedMin
                + " (" + Texts.money(fullFee) + " x " + excessMin + " / " + Texts.minutes(context.period().length())
                + " = " + Texts.money(prorated) + ")")
        .withValue("downtime", TraceValue.duration(m.downtime()))
        .withValue("allowance", lengthOf(allowedNanos))
        .withValue("excess", lengthOf(excess))
        .withValue("proratedFee", TraceValue.money(prorated))
        .withOutages(countedIds(context));
  }

  /**
   * An outcome being made, with {@link Outcome}'s words: made unchecked (through {@link
   * Definitions}), since its texts are the library's own and its ids come from checked input.
   */
  private static final class Made {
    private final ExactMoney amount; // null: no credit
    private final String reason;
    private final Outcome given; // an outcome made elsewhere, as it is
    private Ratio days;
    private List<String> outageIds = List.of();
    private String[] names = new String[4];
    private TraceValue[] values = new TraceValue[4];
    private int count;

    private Made(ExactMoney amount, String reason, Outcome given) {
      this.amount = amount;
      this.reason = reason;
      this.given = given;
    }

    static Made credit(ExactMoney amount, String reason) {
      return new Made(amount, reason, null);
    }

    static Made noCredit(String reason) {
      return new Made(null, reason, null);
    }

    static Made of(Outcome outcome) {
      return new Made(null, null, outcome);
    }

    Made withDays(Ratio d) {
      days = d;
      return this;
    }

    Made withValue(String name, TraceValue value) {
      if (count == names.length) {
        names = java.util.Arrays.copyOf(names, count * 2);
        values = java.util.Arrays.copyOf(values, count * 2);
      }
      names[count] = name;
      values[count++] = value;
      return this;
    }

    Made withOutages(List<String> ids) {
      outageIds = ids;
      return this;
    }

    Outcome outcome() {
      return given != null
          ? given
          : Definitions.access().libraryOutcome(amount, days, reason, names, values, count, outageIds);
    }
  }

  /** A length in nanoseconds as a trace value, to the whole nanosecond below. */
  private static TraceValue lengthOf(Ratio nanos) {
    return TraceValue.duration(Duration.ofNanos(nanos.floor().longValueExact()));
  }
}
