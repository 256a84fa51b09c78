package dev.amends.rules;

import dev.amends.rules.engine.TierTable;
import dev.amends.rules.internal.Texts;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.DayCount;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.util.List;
import java.util.Optional;

/**
 * Availability tiers mapped to days of service: a term extension in days and, when valued at a
 * day count, their value in money at that day count's daily rate of the full fee. The engine
 * turns the days into the line's new term end.
 *
 * @param id the node id
 * @param tiers the table, ascending by lower bound; values are days
 * @param value what the days are worth
 */
public record DaysOfServiceRule(String id, List<Tier> tiers, DaysValue value) implements CreditRule {
  /**
   * Checks the node; the tiers are kept ascending by lower bound, and checked for gaps and
   * overlaps when the policy is built.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, {@code
   *     <id>.value} or {@code <id>.tiers} (with the index of a null tier) when null
   */
  public DaysOfServiceRule {
    Rules.checkId(id);
    Checks.notNull(id + ".value", value);
    tiers = TierTable.sorted(id + ".tiers", tiers);
  }

  /** {@code days-of-service}. */
  @Override
  public String kind() {
    return "days-of-service";
  }

  /** Decides the credit; see {@link Rules} for the behaviour. */
  @Override
  public Outcome evaluate(RuleContext context) {
    return evaluate(context, new TierTable(tiers));
  }

  /** Decides the credit with the table compiled once for the policy. */
  public Outcome evaluate(RuleContext context, TierTable table) {
    Ratio availability = context.measurement().availability();
    String shown = Texts.percent(context.measurement());
    Optional<Tier> tier = table.find(availability);
    if (tier.isEmpty()) {
      return table.unmapped(availability, shown);
    }
    Tier t = tier.get();
    Ratio days = Ratio.of(t.value());
    String bound = TierTable.upperBound(t);
    if (value.dayCount().isEmpty()) {
      return Outcome.credit(ExactMoney.zero(context.account().currency()),
              "availability " + shown + bound + " -> " + Tier.plain(t.value()) + " days of service")
          .withDays(days)
          .withValue("availability", TraceValue.availability(availability))
          .withValue("days", TraceValue.days(days))
          .withOutages(Rules.countedIds(context));
    }
    DayCount valuation = value.dayCount().get();
    ExactMoney rate = valuation.dailyRate(context.fee().fullFee(), context.period());
    ExactMoney worth = rate.multipliedBy(days);
    return Outcome.credit(worth,
            "availability " + shown + bound + " -> " + Tier.plain(t.value()) + " days of service at "
                + Texts.money(rate) + " a day (" + valuation + ") = " + Texts.money(worth))
        .withDays(days)
        .withValue("availability", TraceValue.availability(availability))
        .withValue("days", TraceValue.days(days))
        .withValue("dailyRate", TraceValue.money(rate))
        .withOutages(Rules.countedIds(context));
  }
}
