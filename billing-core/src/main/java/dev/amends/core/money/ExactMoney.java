package dev.amends.core.money;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * An amount of money in flight: a currency and an exact rational amount, never rounded until
 * {@link #rounded(Rounding)} is called once at the end.
 *
 * <p>Joda-Money's {@link BigMoney} holds any decimal, but {@code USD 20.00 × 7 / 31} is not a
 * terminating decimal: dividing a {@code BigMoney} would round early, or at the wrong scale.
 * {@code ExactMoney} keeps the fraction, so a credit line is rounded exactly once, with an
 * explicit mode, to the currency's own scale:
 *
 * <pre>{@code
 * ExactMoney share = ExactMoney.of(Money.of(USD, 20)).multipliedBy(Ratio.of(7, 31));
 * share.rounded(Rounding.of(RoundingMode.HALF_UP));   // USD 4.52 (140/31 = 4.516...)
 * }</pre>
 *
 * <p>Immutable and thread-safe. Arithmetic between amounts requires the same currency.
 */
public final class ExactMoney implements Comparable<ExactMoney> {
  /** Zero in each currency asked for, made once: zero is where every sum starts. */
  private static final ConcurrentMap<CurrencyUnit, ExactMoney> ZEROS = new ConcurrentHashMap<>();

  private final CurrencyUnit currency;
  private final Ratio amount;

  private ExactMoney(CurrencyUnit currency, Ratio amount) {
    this.currency = currency;
    this.amount = amount;
  }

  /**
   * An exact amount.
   *
   * @param currency the currency, not null
   * @param amount the amount in major units, not null
   * @return the amount, not null
   */
  public static ExactMoney of(CurrencyUnit currency, Ratio amount) {
    return new ExactMoney(Checks.notNull("currency", currency), Checks.notNull("amount", amount));
  }

  /** The exact value of a {@link Money}. */
  public static ExactMoney of(Money money) {
    Checks.notNull("money", money);
    return of(money.getCurrencyUnit(), Ratio.of(money.getAmount()));
  }

  /** The exact value of a {@link BigMoney}. */
  public static ExactMoney of(BigMoney money) {
    Checks.notNull("money", money);
    return of(money.getCurrencyUnit(), Ratio.of(money.getAmount()));
  }

  /** Zero in a currency. */
  public static ExactMoney zero(CurrencyUnit currency) {
    Checks.notNull("currency", currency);
    ExactMoney zero = ZEROS.get(currency);
    return zero != null ? zero : ZEROS.computeIfAbsent(currency, c -> new ExactMoney(c, Ratio.ZERO));
  }

  /** The currency. */
  public CurrencyUnit currency() {
    return currency;
  }

  /** The exact amount in major units. */
  public Ratio amount() {
    return amount;
  }

  /**
   * The sum.
   *
   * @throws InvalidInputException if the currencies differ
   */
  public ExactMoney plus(ExactMoney other) {
    check(other);
    // Adding zero gives the other amount itself (values are immutable): most sums have one term.
    if (amount.isZero()) {
      return other;
    }
    if (other.amount.isZero()) {
      return this;
    }
    return new ExactMoney(currency, amount.plus(other.amount));
  }

  /**
   * The difference.
   *
   * @throws InvalidInputException if the currencies differ
   */
  public ExactMoney minus(ExactMoney other) {
    check(other);
    return new ExactMoney(currency, amount.minus(other.amount));
  }

  /** The product with an exact factor. */
  public ExactMoney multipliedBy(Ratio factor) {
    return new ExactMoney(currency, amount.multipliedBy(factor));
  }

  /** The product with an integer. */
  public ExactMoney multipliedBy(long factor) {
    return new ExactMoney(currency, amount.multipliedBy(factor));
  }

  /** The quotient by an exact, non-zero divisor. */
  public ExactMoney dividedBy(Ratio divisor) {
    return new ExactMoney(currency, amount.dividedBy(divisor));
  }

  /** {@code percent} percent of this amount: {@code percentOf(new BigDecimal("10"))} is a tenth. */
  public ExactMoney percent(BigDecimal percent) {
    return multipliedBy(Ratio.percent(percent));
  }

  /** The negation. */
  public ExactMoney negated() {
    return new ExactMoney(currency, amount.negated());
  }

  /** The smaller; this one on a tie. */
  public ExactMoney min(ExactMoney other) {
    check(other);
    return compareTo(other) <= 0 ? this : other;
  }

  /** The larger; this one on a tie. */
  public ExactMoney max(ExactMoney other) {
    check(other);
    return compareTo(other) >= 0 ? this : other;
  }

  /** True if zero. */
  public boolean isZero() {
    return amount.isZero();
  }

  /** True if above zero. */
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /** True if below zero. */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * Rounds once to money at the currency's scale.
   *
   * @param rounding the rounding, not null
   * @return the money, not null
   */
  public Money rounded(Rounding rounding) {
    return rounding.round(this);
  }

  /**
   * A decimal view for display and traces, such as {@code USD 4.516129}: the currency's scale
   * plus {@code extraDigits}, rounded half-up. Never use it for arithmetic.
   *
   * @param extraDigits digits beyond the currency's scale, zero or more
   * @return the text, not null
   */
  public String toDisplay(int extraDigits) {
    int scale = Math.max(0, currency.getDecimalPlaces()) + Math.max(0, extraDigits);
    int minScale = Math.max(0, currency.getDecimalPlaces());
    StringBuilder text = new StringBuilder(24).append(currency.getCode()).append(' ');
    // In longs when the amount and its rounding fit (the same digits, without the BigDecimals), else exactly.
    return amount.appendHalfUp(scale, minScale, text) ? text.toString() : toDisplayExactly(extraDigits);
  }

  /** {@link #toDisplay} through {@link BigDecimal}, always; the reference its fast path is tested against. */
  String toDisplayExactly(int extraDigits) {
    int scale = Math.max(0, currency.getDecimalPlaces()) + Math.max(0, extraDigits);
    BigDecimal value = amount.toBigDecimal(scale, RoundingMode.HALF_UP);
    // Trim trailing zeros beyond the currency's own scale: USD 3.125000 -> USD 3.125.
    int minScale = Math.max(0, currency.getDecimalPlaces());
    BigDecimal trimmed = value.stripTrailingZeros();
    if (trimmed.scale() < minScale) {
      trimmed = trimmed.setScale(minScale, RoundingMode.UNNECESSARY);
    }
    return currency.getCode() + " " + trimmed.toPlainString();
  }

  private void check(ExactMoney other) {
    if (!currency.equals(other.currency)) {
      throw InvalidInputException.of("currency", "must match " + currency, other.currency);
    }
  }

  /**
   * Orders by amount.
   *
   * @throws InvalidInputException if the currencies differ
   */
  @Override
  public int compareTo(ExactMoney other) {
    check(other);
    return amount.compareTo(other.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExactMoney m && currency.equals(m.currency) && amount.equals(m.amount);
  }

  @Override
  public int hashCode() {
    return 31 * currency.hashCode() + amount.hashCode();
  }

  /** The display form with four extra digits, such as {@code USD 4.516129}. */
  @Override
  public String toString() {
    return toDisplay(4);
  }
}
