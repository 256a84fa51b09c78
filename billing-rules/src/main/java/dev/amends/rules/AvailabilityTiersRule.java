package dev.amends.rules;

import dev.amends.rules.engine.CompiledPolicy;
import dev.amends.rules.engine.TierTable;
import dev.amends.rules.internal.Texts;
import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.util.List;
import java.util.Optional;

/**
 * Availability tiers mapped to a percentage of the fee for the period.
 *
 * @param id the node id
 * @param tiers the table, ascending by lower bound; values are percentages of the fee
 */
public record AvailabilityTiersRule(String id, List<Tier> tiers) implements CreditRule {
  /**
   * Checks the node; the tiers are kept ascending by lower bound, and checked for gaps and
   * overlaps when the policy is built.
   *
   * @throws dev.amends.core.InvalidInputException naming {@code rule.id} for a bad id, or {@code
   *     <id>.tiers} (with the index of a null tier) when null
   */
  public AvailabilityTiersRule {
    Rules.checkId(id);
    tiers = TierTable.sorted(id + ".tiers", tiers);
  }

  /** {@code availability-tiers}. */
  @Override
  public String kind() {
    return "availability-tiers";
  }

  /** Decides the credit; see {@link Rules} for the behaviour. */
  @Override
  public Outcome evaluate(RuleContext context) {
    return evaluate(context, new TierTable(tiers), CompiledPolicy.EMPTY);
  }

  /** Decides the credit with the table and the tier percentages compiled once for the policy. */
  public Outcome evaluate(RuleContext context, TierTable table, CompiledPolicy compiled) {
    Measurement m = context.measurement();
    Ratio availability = m.availability();
    String shown = Texts.percent(m);
    Optional<Tier> tier = table.find(availability);
    if (tier.isEmpty()) {
      return table.unmapped(availability, shown);
    }
    Tier t = tier.get();
    ExactMoney fee = context.fee().fee();
    ExactMoney credit = fee.multipliedBy(compiled.percent(t.value()));
    String bound = TierTable.upperBound(t);
    return Outcome.credit(credit,
            "availability " + shown + bound + " -> " + Tier.plain(t.value()) + " % of " + Texts.money(fee))
        .withValue("availability", TraceValue.availability(availability))
        .withValue("tier", TraceValue.text(t.range()))
        .withValue("percent", TraceValue.percent(t.value()))
        .withValue("fee", TraceValue.money(fee))
        .withOutages(Rules.countedIds(context));
  }
}
