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
  private final Ratio incrementRatio; // the increment as a ratio, computed once; null with it

  private Rounding(RoundingMode mode, BigDecimal increment) {
    this.mode = mode;
    this.increment = increment;
    this.incrementRatio = increment == null ? null : Ratio.of(increment);
  }

  /** The finest increment any currency needs: four decimals (CLF, UYW). */
  private static final int MAX_INCREMENT_SCALE = 4;
  /** The coarsest increment: 18 integer digits. */
  private static final int MAX_INCREMENT_DIGITS = 18;

  /**
   * Rounding to the currency's scale with a mode.
   *
   * @param mode the mode, not null and not {@link RoundingMode#UNNECESSARY}
   * @return the rounding, not null
   * @throws InvalidInputException if the mode is null or {@code UNNECESSARY}: an exact credit
   *     such as {@code 20 × 7/31} almost never lands on the currency's scale, and a decision
   *     must not fail on the amount it computes
   */
  public static Rounding of(RoundingMode mode) {
    return new Rounding(checkMode(mode), null);
  }

  /**
   * Rounding to a multiple of an increment, such as {@code 0.05} (CHF cash) or {@code 10} (JPY).
   *
   * <p>An increment below one must divide one exactly ({@code 0.05}, {@code 0.25}, {@code 0.5};
   * not {@code 0.03}) and have at most four decimals; an increment of one or more must be a whole
   * number ({@code 5}, {@code 10}, {@code 100}; not {@code 2.5}) of at most 18 digits. Whether it is
   * finer than a currency's minor unit is checked when an amount in that currency is rounded.
   *
   * @param mode the mode, not null and not {@link RoundingMode#UNNECESSARY}
   * @param increment the positive increment in major units, not null
   * @return the rounding, not null
   * @throws InvalidInputException if the mode is {@code UNNECESSARY} or the increment breaks
   *     one of these rules
   */
  public static Rounding of(RoundingMode mode, BigDecimal increment) {
    Checks.notNull("rounding.increment", increment);
    if (increment.signum() <= 0) {
      throw InvalidInputException.of("rounding.increment", "must be positive", plain(increment));
    }
    BigDecimal step = increment.stripTrailingZeros();
    if (step.scale() > MAX_INCREMENT_SCALE) {
      throw InvalidInputException.of("rounding.increment",
          "must have at most " + MAX_INCREMENT_SCALE + " decimals (no currency is finer)", plain(increment));
    }
    if (step.precision() - step.scale() > MAX_INCREMENT_DIGITS) {
      throw InvalidInputException.of("rounding.increment",
          "must have at most " + MAX_INCREMENT_DIGITS + " integer digits", plain(increment));
    }
    if (step.compareTo(BigDecimal.ONE) < 0 && BigDecimal.ONE.remainder(step).signum() != 0) {
      throw InvalidInputException.of("rounding.increment", "must divide 1 exactly (such as 0.05 or 0.25)",
          plain(increment));
    }
    if (step.compareTo(BigDecimal.ONE) >= 0 && step.scale() > 0) {
      throw InvalidInputException.of("rounding.increment", "must be a whole number when 1 or more", plain(increment));
    }
    return new Rounding(checkMode(mode), step);
  }

  private static RoundingMode checkMode(RoundingMode mode) {
    Checks.notNull("rounding.mode", mode);
    if (mode == RoundingMode.UNNECESSARY) {
      throw InvalidInputException.of("rounding.mode",
          "must not be UNNECESSARY: exact credits rarely land on the currency's scale; choose how to round", mode);
    }
    return mode;
  }

  /** The plain form of a decimal of sane size, else its scientific form. */
  private static String plain(BigDecimal d) {
    return Math.abs((long) d.scale()) <= 100 ? d.toPlainString() : d.toString();
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
    Ratio steps = amount.amount().dividedBy(incrementRatio);
    BigDecimal whole = steps.toBigDecimal(0, mode);
    return Money.of(currency, whole.multiply(increment).setScale(scale, RoundingMode.UNNECESSARY));
  }

  /**
   * Compares {@code amount} rounded once ({@link #round}) with {@code limit}, in the same
   * currency: negative, zero or positive as the rounded money is below, equal to or above it.
   * Without the money and its exact value when rounding to the currency's minor unit (see {@link
   * Ratio#compareRounded}); with them for an increment.
   *
   * @throws InvalidInputException if the currencies differ, or as {@link #round} does
   */
  int compareRounded(ExactMoney amount, ExactMoney limit) {
    if (!amount.currency().equals(limit.currency())) {
      throw InvalidInputException.of("currency", "must match " + amount.currency(), limit.currency());
    }
    if (increment == null) {
      int scale = Math.max(0, amount.currency().getDecimalPlaces());
      return amount.amount().compareRounded(scale, mode, limit.amount());
    }
    return compareRoundedExactly(amount, limit);
  }

  /** {@link #compareRounded} through the rounded money, always; the reference its fast path is tested against. */
  int compareRoundedExactly(ExactMoney amount, ExactMoney limit) {
    return Integer.signum(ExactMoney.of(round(amount)).compareTo(limit));
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
