package dev.amends.rules;

import dev.amends.core.measure.Measurement;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.util.List;
import java.util.Optional;

/** Availability tiers mapped to a percentage of the fee for the period. */
final class AvailabilityTiersRule implements CreditRule, SelfChecking {
  private final String id;
  private final TierTable table;

  AvailabilityTiersRule(String id, List<Tier> tiers) {
    this.id = Rules.checkId(id);
    this.table = new TierTable(tiers);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "availability-tiers";
  }

  @Override
  public String canonical() {
    return kind() + "(" + id + "," + table.canonical() + ")";
  }

  @Override
  public void check(String path, List<String> problems) {
    table.check(path, problems);
  }

  @Override
  public Outcome evaluate(RuleContext context) {
    Measurement m = context.measurement();
    Ratio availability = m.availability();
    String shown = Texts.percent(m);
    Optional<Tier> tier = table.find(availability);
    if (tier.isEmpty()) {
      return table.unmapped(availability, shown);
    }
    Tier t = tier.get();
    ExactMoney fee = context.fee().fee();
    ExactMoney credit = fee.percent(t.value());
    String bound = TierTable.upperBound(t);
    return Outcome.credit(credit,
            "availability " + shown + bound + " -> " + Tier.plain(t.value()) + " % of " + Texts.money(fee))
        .withValue("availability", shown)
        .withValue("tier", t.range())
        .withValue("percent", Tier.plain(t.value()))
        .withValue("fee", Texts.money(fee))
        .withOutages(Rules.countedIds(context));
  }

  @Override
  public String toString() {
    return canonical();
  }
}
