package dev.amends.rules;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.DayCount;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;

/**
 * The limit of a cap: a percentage of the fee for the period, an amount of money, or a number
 * of days of service valued at a day count.
 *
 * <pre>{@code
 * CapLimit.percentOfFee(new BigDecimal("100"));         // never more than the month's fee
 * CapLimit.amount(Money.parse("USD 500.00"));
 * CapLimit.days(new BigDecimal("30"), DayCount.ACTUAL); // 30 days of service
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CapLimit {
  private enum Kind { PERCENT_OF_FEE, AMOUNT, DAYS }

  private final Kind kind;
  private final BigDecimal value;
  private final List<Money> amounts;
  private final DayCount dayCount;

  private CapLimit(Kind kind, BigDecimal value, List<Money> amounts, DayCount dayCount) {
    this.kind = kind;
    this.value = value;
    this.amounts = amounts;
    this.dayCount = dayCount;
  }

  /** At most this percentage of the (prorated) fee for the period. */
  public static CapLimit percentOfFee(BigDecimal percent) {
    return new CapLimit(Kind.PERCENT_OF_FEE, notNegative("cap.percent", percent), List.of(), null);
  }

  /** At most this amount; give one amount per currency the policy serves. */
  public static CapLimit amount(Money... amounts) {
    List<Money> list = Rules.listOf("cap.amount", amounts);
    Checks.notEmpty("cap.amount", list);
    for (Money m : list) {
      if (m.isNegative()) {
        throw InvalidInputException.of("cap.amount", "must not be negative", m);
      }
    }
    return new CapLimit(Kind.AMOUNT, null, list, null);
  }

  /** At most this many days of service, each valued at the day count's daily rate of the full fee. */
  public static CapLimit days(BigDecimal days, DayCount dayCount) {
    return new CapLimit(Kind.DAYS, notNegative("cap.days", days), List.of(), Checks.notNull("cap.dayCount", dayCount));
  }

  private static BigDecimal notNegative(String field, BigDecimal v) {
    Decimals.check(field, v);
    if (v.signum() < 0) {
      throw InvalidInputException.of(field, "must not be negative", v.toPlainString());
    }
    return v;
  }

  /** The limit in money for a context. */
  ExactMoney money(RuleContext context) {
    return switch (kind) {
      case PERCENT_OF_FEE -> context.fee().fee().percent(value);
      case AMOUNT -> amounts.stream()
          .filter(m -> m.getCurrencyUnit().equals(context.account().currency()))
          .findFirst()
          .map(ExactMoney::of)
          .orElseThrow(() -> InvalidInputException.of(
              "cap.amount", "has no amount in " + context.account().currency(), amounts));
      case DAYS -> dayRate(context).multipliedBy(Ratio.of(value));
    };
  }

  private ExactMoney dayRate(RuleContext context) {
    return dayCount.dailyRate(context.fee().fullFee(), context.period());
  }

  /** The limit in days, for day limits only. */
  Ratio days() {
    return kind == Kind.DAYS ? Ratio.of(value) : null;
  }

  /** Such as {@code 100 % of fee USD 20.00}. */
  String describe(RuleContext context) {
    return switch (kind) {
      case PERCENT_OF_FEE -> Texts.percent(value) + " of fee " + Texts.money(context.fee().fee());
      case AMOUNT -> Texts.money(money(context));
      case DAYS -> value.toPlainString() + " days at " + dayCount + " = " + Texts.money(money(context));
    };
  }

  /** A canonical description for the digest. */
  String canonical() {
    return switch (kind) {
      case PERCENT_OF_FEE -> "percent-of-fee:" + value.stripTrailingZeros().toPlainString();
      case AMOUNT -> "amount:" + amounts;
      case DAYS -> "days:" + value.stripTrailingZeros().toPlainString() + ":" + dayCount;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CapLimit c && canonical().equals(c.canonical());
  }

  @Override
  public int hashCode() {
    return Objects.hash(canonical());
  }

  @Override
  public String toString() {
    return canonical();
  }
}
