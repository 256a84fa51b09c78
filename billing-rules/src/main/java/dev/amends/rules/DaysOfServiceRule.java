package dev.amends.rules;

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
 */
final class DaysOfServiceRule implements CreditRule, SelfChecking {
  private final String id;
  private final TierTable table;
  private final DaysValue value;

  DaysOfServiceRule(String id, List<Tier> tiers, DaysValue value) {
    this.id = Rules.checkId(id);
    this.value = Checks.notNull(id + ".value", value);
    this.table = new TierTable(tiers);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "days-of-service";
  }

  @Override
  public String canonical() {
    return kind() + "(" + id + "," + table.canonical() + "," + value.canonical() + ")";
  }

  @Override
  public void check(String path, List<String> problems) {
    table.check(path, problems);
  }

  @Override
  public Outcome evaluate(RuleContext context) {
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
          .withValue("availability", shown)
          .withValue("days", Tier.plain(t.value()))
          .withOutages(Rules.countedIds(context));
    }
    DayCount valuation = value.dayCount().get();
    ExactMoney rate = valuation.dailyRate(context.fee().fullFee(), context.period());
    ExactMoney value = rate.multipliedBy(days);
    return Outcome.credit(value,
            "availability " + shown + bound + " -> " + Tier.plain(t.value()) + " days of service at "
                + Texts.money(rate) + " a day (" + valuation + ") = " + Texts.money(value))
        .withDays(days)
        .withValue("availability", shown)
        .withValue("days", Tier.plain(t.value()))
        .withValue("dailyRate", Texts.money(rate))
        .withOutages(Rules.countedIds(context));
  }

  @Override
  public String toString() {
    return canonical();
  }
}
