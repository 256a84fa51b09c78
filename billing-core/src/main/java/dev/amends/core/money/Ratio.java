package dev.amends.core.money;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * An exact rational number {@code numerator / denominator}, always in lowest terms with a
 * positive denominator.
 *
 * <p>Amends uses it wherever a value must be exact: availability ({@code uptime / period}),
 * proration ({@code 7 days of 31}), a share of users affected, an amount of money before its one
 * rounding. A decimal threshold such as {@code 99.95} is compared without any floating point:
 *
 * <pre>{@code
 * Ratio availability = Ratio.of(44_220, 44_640);        // 99.0591...%
 * availability.compareToPercent(new BigDecimal("99.9")); // -1: below 99.9 %
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #equals(Object)} is value equality: {@code 1/2} equals
 * {@code 2/4}.
 */
public final class Ratio implements Comparable<Ratio> {
  /** Zero. */
  public static final Ratio ZERO = new Ratio(BigInteger.ZERO, BigInteger.ONE);
  /** One. */
  public static final Ratio ONE = new Ratio(BigInteger.ONE, BigInteger.ONE);

  /**
   * The largest decimal scale, positive or negative, that {@link #of(BigDecimal)} accepts:
   * {@code 1E-1000} and {@code 1E+1000} are taken, {@code 1E-1001} is refused. Exact arithmetic
   * on a decimal such as {@code 1E-100000000} would need a hundred-million-digit power of ten
   * and would run for hours; no amount, percentage or threshold needs more than a few dozen
   * digits.
   */
  public static final int MAX_DECIMAL_SCALE = 1000;

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private final BigInteger numerator;
  private final BigInteger denominator;

  private Ratio(BigInteger numerator, BigInteger denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /**
   * The ratio of two integers.
   *
   * @param numerator the numerator, not null
   * @param denominator the denominator, not zero
   * @return the ratio in lowest terms, not null
   * @throws InvalidInputException if the denominator is zero
   */
  public static Ratio of(BigInteger numerator, BigInteger denominator) {
    Checks.notNull("ratio.numerator", numerator);
    Checks.notNull("ratio.denominator", denominator);
    if (denominator.signum() == 0) {
      throw InvalidInputException.of("ratio.denominator", "must not be zero", numerator + "/0");
    }
    if (denominator.signum() < 0) {
      numerator = numerator.negate();
      denominator = denominator.negate();
    }
    BigInteger gcd = numerator.gcd(denominator);
    if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
      numerator = numerator.divide(gcd);
      denominator = denominator.divide(gcd);
    }
    if (numerator.signum() == 0) {
      return ZERO;
    }
    return new Ratio(numerator, denominator);
  }

  /** The ratio of two longs; see {@link #of(BigInteger, BigInteger)}. */
  public static Ratio of(long numerator, long denominator) {
    return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  /** The integer {@code value}. */
  public static Ratio of(long value) {
    return of(value, 1);
  }

  /**
   * The exact value of a decimal: {@code 99.95} becomes {@code 1999/20}.
   *
   * @param value the decimal, not null
   * @return the ratio, not null
   * @throws InvalidInputException naming {@code decimal} if the value is null or its scale lies
   *     beyond {@link #MAX_DECIMAL_SCALE} either way (such as {@code 1E-100000000})
   */
  public static Ratio of(BigDecimal value) {
    Checks.notNull("ratio.value", value);
    if (value.scale() > MAX_DECIMAL_SCALE || value.scale() < -MAX_DECIMAL_SCALE) {
      // toString, not toPlainString: the plain form of 1E+100000000 has a hundred million digits.
      throw InvalidInputException.of("decimal",
          "has a scale of " + value.scale() + ", beyond the " + MAX_DECIMAL_SCALE + " digits exact arithmetic allows",
          value);
    }
    if (value.scale() <= 0) {
      return of(value.toBigIntegerExact(), BigInteger.ONE);
    }
    return of(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
  }

  /**
   * A percentage as a ratio: {@code percent(new BigDecimal("10"))} is {@code 1/10}.
   *
   * @param percent the percentage, not null
   * @return the ratio, not null
   */
  public static Ratio percent(BigDecimal percent) {
    Checks.notNull("ratio.percent", percent);
    return of(percent).dividedBy(of(100));
  }

  /**
   * The exact ratio of two durations, to the nanosecond.
   *
   * @param part the numerator duration, not null
   * @param whole the denominator duration, not zero
   * @return the ratio, not null
   */
  public static Ratio of(Duration part, Duration whole) {
    Checks.notNull("ratio.part", part);
    Checks.notNull("ratio.whole", whole);
    return of(nanos(part), nanos(whole));
  }

  static BigInteger nanos(Duration d) {
    return BigInteger.valueOf(d.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(d.getNano()));
  }

  /** The numerator, in lowest terms; carries the sign. */
  public BigInteger numerator() {
    return numerator;
  }

  /** The denominator, in lowest terms; always positive. */
  public BigInteger denominator() {
    return denominator;
  }

  /** The sum. */
  public Ratio plus(Ratio other) {
    return of(
        numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
        denominator.multiply(other.denominator));
  }

  /** The difference. */
  public Ratio minus(Ratio other) {
    return plus(other.negated());
  }

  /** The product. */
  public Ratio multipliedBy(Ratio other) {
    return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
  }

  /** The product with an integer. */
  public Ratio multipliedBy(long factor) {
    return of(numerator.multiply(BigInteger.valueOf(factor)), denominator);
  }

  /**
   * The quotient.
   *
   * @throws InvalidInputException if the divisor is zero
   */
  public Ratio dividedBy(Ratio divisor) {
    return of(numerator.multiply(divisor.denominator), denominator.multiply(divisor.numerator));
  }

  /** The negation. */
  public Ratio negated() {
    return numerator.signum() == 0 ? this : new Ratio(numerator.negate(), denominator);
  }

  /** {@code 1 - this}: unavailability from availability and back. */
  public Ratio complement() {
    return ONE.minus(this);
  }

  /** The smaller of the two; this one on a tie. */
  public Ratio min(Ratio other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /** The larger of the two; this one on a tie. */
  public Ratio max(Ratio other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** -1, 0 or 1 as the ratio is negative, zero or positive. */
  public int signum() {
    return numerator.signum();
  }

  /** True if zero. */
  public boolean isZero() {
    return numerator.signum() == 0;
  }

  /** The greatest integer not above the ratio. */
  public BigInteger floor() {
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /** The least integer not below the ratio. */
  public BigInteger ceiling() {
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
  }

  /**
   * Compares the ratio, taken as a fraction, to a percentage, exactly: {@code 0.9995} equals
   * {@code 99.95} percent.
   *
   * @param percent the percentage, not null
   * @return negative, zero or positive as this ratio is below, equal to or above it
   */
  public int compareToPercent(BigDecimal percent) {
    return multipliedBy(Ratio.of(100)).compareTo(Ratio.of(percent));
  }

  /**
   * The decimal value rounded to a scale, rounded once from the exact value.
   *
   * @param scale the number of decimal places
   * @param mode the rounding mode, not null
   * @return the decimal, not null
   */
  public BigDecimal toBigDecimal(int scale, RoundingMode mode) {
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, mode);
  }

  /**
   * The ratio as a percentage rounded to a scale for display: {@code 44220/44640} at scale 4 is
   * {@code 99.0591}.
   *
   * @param scale the number of decimal places
   * @param mode the rounding mode, not null
   * @return the percentage, not null
   */
  public BigDecimal toPercent(int scale, RoundingMode mode) {
    return of(numerator.multiply(HUNDRED), denominator).toBigDecimal(scale, mode);
  }

  @Override
  public int compareTo(Ratio other) {
    return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ratio r && numerator.equals(r.numerator) && denominator.equals(r.denominator);
  }

  @Override
  public int hashCode() {
    return numerator.hashCode() * 31 + denominator.hashCode();
  }

  /** {@code n/d}, or {@code n} when the denominator is one. */
  @Override
  public String toString() {
    return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
  }
}
