package dev.amends.rules;

import dev.amends.core.measure.Contribution;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.time.Duration;

/** A test leaf: a fixed amount per hour of counted downtime, exact to the nanosecond; no credit without downtime. */
final class PerHourDown implements CreditRule {
  private final String id;
  private final BigDecimal perHour;

  PerHourDown(String id, String perHour) {
    this.id = id;
    this.perHour = new BigDecimal(perHour);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String kind() {
    return "per-hour-down";
  }

  @Override
  public String canonical() {
    return "per-hour-down(" + id + "," + perHour.toPlainString() + ")";
  }

  @Override
  public Outcome evaluate(RuleContext context) {
    Duration down = context.measurement().downtime();
    if (down.isZero()) {
      return Outcome.noCredit("no downtime");
    }
    Ratio hours = Ratio.of(down, Duration.ofHours(1));
    return Outcome.credit(
            ExactMoney.of(context.account().currency(), Ratio.of(perHour).multipliedBy(hours)),
            down + " down at " + perHour.toPlainString() + " an hour")
        .withOutages(context.measurement().contributions().stream().map(Contribution::outageId).toList());
  }
}
