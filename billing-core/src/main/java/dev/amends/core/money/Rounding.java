package dev.amends.core.money;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * How an exact amount becomes money: a {@link RoundingMode}, applied once, to the currency's own
 * scale (JPY 0, USD 2, BHD 3), optionally to a coarser increment such as CHF 0.05.
 *
 * <pre>{@code
 * Rounding.of(RoundingMode.HALF_UP).round(ExactMoney.of(USD, Ratio.of(25, 8)));   // USD 3.13
 * Rounding.of(RoundingMode.HALF_EVEN).round(ExactMoney.of(USD, Ratio.of(25, 8))); // USD 3.12
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Rounding {
  private final RoundingMode mode;
  private final BigDecimal increment; // null: the currency's minor unit

  private Rounding(RoundingMode mode, BigDecimal increment) {
    this.mode = mode;
    this.increment = increment;
  }

  /**
   * Rounding to the currency's scale with a mode.
   *
   * @param mode the mode, not null
   * @return the rounding, not null
   */
  public static Rounding of(RoundingMode mode) {
    return new Rounding(Checks.notNull("rounding.mode", mode), null);
  }

  /**
   * Rounding to a multiple of an increment, such as {@code 0.05}.
   *
   * @param mode the mode, not null
   * @param increment the positive increment in major units, not null
   * @return the rounding, not null
   * @throws InvalidInputException if the increment is not positive
   */
  public static Rounding of(RoundingMode mode, BigDecimal increment) {
    Checks.notNull("rounding.increment", increment);
    if (increment.signum() <= 0) {
      throw InvalidInputException.of("rounding.increment", "must be positive", increment.toPlainString());
    }
    return new Rounding(Checks.notNull("rounding.mode", mode), increment.stripTrailingZeros());
  }

  /** The rounding mode. */
  public RoundingMode mode() {
    return mode;
  }

  /** The increment, empty when rounding to the currency's minor unit. */
  public Optional<BigDecimal> increment() {
    return Optional.ofNullable(increment);
  }

  /**
   * Rounds an exact amount once, to the currency's scale (or the increment).
   *
   * @param amount the exact amount, not null
   * @return the money at the currency's scale, not null
   * @throws InvalidInputException if the increment is finer than the currency's minor unit
   * @throws ArithmeticException if the mode is {@code UNNECESSARY} and rounding is needed
   */
  public Money round(ExactMoney amount) {
    CurrencyUnit currency = amount.currency();
    int scale = Math.max(0, currency.getDecimalPlaces());
    if (increment == null) {
      return Money.of(currency, amount.amount().toBigDecimal(scale, mode));
    }
    if (increment.scale() > scale) {
      throw InvalidInputException.of(
          "rounding.increment", "is finer than the minor unit of " + currency, increment.toPlainString());
    }
    Ratio steps = amount.amount().dividedBy(Ratio.of(increment));
    BigDecimal whole = steps.toBigDecimal(0, mode);
    return Money.of(currency, whole.multiply(increment).setScale(scale, RoundingMode.UNNECESSARY));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rounding r && mode == r.mode && Objects.equals(increment, r.increment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, increment);
  }

  /** Such as {@code HALF_UP} or {@code HALF_UP to 0.05}. */
  @Override
  public String toString() {
    return increment == null ? mode.name() : mode + " to " + increment.toPlainString();
  }
}
