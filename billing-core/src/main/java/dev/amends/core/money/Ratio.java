package dev.amends.core.money;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import dev.amends.core.money.internal.MoneyInternals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 *
 * <p>Arithmetic takes a fast path on {@code long} while both terms fit, and falls back to
 * {@link BigInteger} when an intermediate result would overflow; the result is exact either way,
 * and never goes through floating point. A ratio whose lowest terms fit in a {@code long} is held
 * as two {@code long}s however it was computed, so equality and hash codes do not depend on the
 * path taken.
 */
public final class Ratio implements Comparable<Ratio> {
  /** Zero. */
  public static final Ratio ZERO = new Ratio(0, 1);
  /** One. */
  public static final Ratio ONE = new Ratio(1, 1);

  /**
   * The largest decimal scale, positive or negative, that {@link #of(BigDecimal)} accepts:
   * {@code 1E-1000} and {@code 1E+1000} are taken, {@code 1E-1001} is refused. Exact arithmetic
   * on a decimal such as {@code 1E-100000000} would need a hundred-million-digit power of ten
   * and would run for hours; no amount, percentage or threshold needs more than a few dozen
   * digits.
   */
  public static final int MAX_DECIMAL_SCALE = 1000;

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  /** {@code 10^i} for {@code i} from 0 to 18, the powers of ten that fit in a {@code long}. */
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
    // The engine's allocation-free paths, reachable from dev.amends.rules only. Registered here, as
    // every caller holds a ratio (an ExactMoney holds one), so this class is initialised before any call.
    MoneyInternals.register(new InternalOps());
  }

  // The representation is canonical, a function of the value alone: when the lowest terms fit
  // (the numerator in (Long.MIN_VALUE, Long.MAX_VALUE], so that negation cannot overflow, and the
  // denominator in [1, Long.MAX_VALUE]), bigNumerator and bigDenominator are null and the value is
  // num/den; otherwise both are set and num/den are unused.
  private final long num;
  private final long den;
  private final BigInteger bigNumerator;
  private final BigInteger bigDenominator;

  private Ratio(long num, long den) {
    this.num = num;
    this.den = den;
    this.bigNumerator = null;
    this.bigDenominator = null;
  }

  private Ratio(BigInteger numerator, BigInteger denominator) {
    this.num = 0;
    this.den = 0;
    this.bigNumerator = numerator;
    this.bigDenominator = denominator;
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
    if (numerator.bitLength() < Long.SIZE && denominator.bitLength() < Long.SIZE) {
      Ratio r = ofLongs(numerator.longValue(), denominator.longValue());
      if (r != null) {
        return r;
      }
    }
    return ofBig(numerator, denominator);
  }

  /** The ratio of two longs; see {@link #of(BigInteger, BigInteger)}. */
  public static Ratio of(long numerator, long denominator) {
    if (denominator == 0) {
      throw InvalidInputException.of("ratio.denominator", "must not be zero", numerator + "/0");
    }
    Ratio r = ofLongs(numerator, denominator);
    return r != null ? r : ofBig(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  /** The integer {@code value}. */
  public static Ratio of(long value) {
    return value == Long.MIN_VALUE ? ofBig(LONG_MIN, BigInteger.ONE) : value == 0 ? ZERO : new Ratio(value, 1);
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
    int scale = value.scale();
    if (scale > MAX_DECIMAL_SCALE || scale < -MAX_DECIMAL_SCALE) {
      // toString, not toPlainString: the plain form of 1E+100000000 has a hundred million digits.
      throw InvalidInputException.of("decimal",
          "has a scale of " + scale + ", beyond the " + MAX_DECIMAL_SCALE + " digits exact arithmetic allows",
          value);
    }
    if (scale >= 0 && scale < POWERS_OF_TEN.length) {
      BigInteger unscaled = value.unscaledValue();
      if (unscaled.bitLength() < Long.SIZE) {
        return of(unscaled.longValue(), POWERS_OF_TEN[scale]);
      }
    }
    if (scale <= 0) {
      return of(value.toBigIntegerExact(), BigInteger.ONE);
    }
    return of(value.unscaledValue(), BigInteger.TEN.pow(scale));
  }

  /**
   * A percentage as a ratio: {@code percent(new BigDecimal("10"))} is {@code 1/10}.
   *
   * <p>A threshold compared many times is best turned into a ratio once, with this method, and
   * compared with {@link #compareTo(Ratio)}: {@code a.compareTo(Ratio.percent(p))} is
   * {@code a.compareToPercent(p)}.
   *
   * @param percent the percentage, not null
   * @return the ratio, not null
   */
  public static Ratio percent(BigDecimal percent) {
    Checks.notNull("ratio.percent", percent);
    int scale = percent.scale();
    if (scale >= 0 && scale + 2 < POWERS_OF_TEN.length) {
      BigInteger unscaled = percent.unscaledValue();
      if (unscaled.bitLength() < Long.SIZE) {
        return of(unscaled.longValue(), POWERS_OF_TEN[scale + 2]);
      }
    }
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
    long p = nanosOrZero(part);
    long w = nanosOrZero(whole);
    if ((p != 0 || part.isZero()) && w != 0) {
      return of(p, w);
    }
    return of(nanos(part), nanos(whole));
  }

  static BigInteger nanos(Duration d) {
    return BigInteger.valueOf(d.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(d.getNano()));
  }

  /** The duration in nanoseconds, or 0 if that does not fit in a long (or the duration is zero). */
  private static long nanosOrZero(Duration d) {
    long seconds = d.getSeconds();
    long hi = Math.multiplyHigh(seconds, 1_000_000_000L);
    long lo = seconds * 1_000_000_000L;
    if (hi != (lo >> 63)) {
      return 0;
    }
    long sum = lo + d.getNano();
    return ((lo ^ sum) & (d.getNano() ^ sum)) < 0 ? 0 : sum;
  }

  /**
   * {@code n/d} in lowest terms on the fast path, or null when it cannot be held as longs.
   * The denominator is not zero.
   */
  private static Ratio ofLongs(long n, long d) {
    if (n == Long.MIN_VALUE || d == Long.MIN_VALUE) {
      return null;
    }
    if (n == 0) {
      return ZERO;
    }
    if (d < 0) {
      n = -n;
      d = -d;
    }
    long g = gcd(Math.abs(n), d);
    return g == 1 ? new Ratio(n, d) : new Ratio(n / g, d / g);
  }

  /** {@code n/d} reduced with BigInteger; held as longs if the lowest terms fit. */
  private static Ratio ofBig(BigInteger numerator, BigInteger denominator) {
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
    if (numerator.bitLength() < Long.SIZE && denominator.bitLength() < Long.SIZE
        && !numerator.equals(LONG_MIN)) {
      return new Ratio(numerator.longValue(), denominator.longValue());
    }
    return new Ratio(numerator, denominator);
  }

  /** The greatest common divisor of two non-negative longs (binary GCD); gcd(0, b) is b. */
  static long gcd(long a, long b) {
    if (a == 0) {
      return b;
    }
    if (b == 0) {
      return a;
    }
    if (a == 1 || b == 1) {
      return 1;
    }
    int shift = Long.numberOfTrailingZeros(a | b);
    a >>>= Long.numberOfTrailingZeros(a);
    do {
      b >>>= Long.numberOfTrailingZeros(b);
      if (a > b) {
        long t = a;
        a = b;
        b = t;
      }
      b -= a;
    } while (b != 0);
    return a << shift;
  }

  private boolean isLong() {
    return bigNumerator == null;
  }

  /** The numerator, in lowest terms; carries the sign. */
  public BigInteger numerator() {
    return isLong() ? BigInteger.valueOf(num) : bigNumerator;
  }

  /** The denominator, in lowest terms; always positive. */
  public BigInteger denominator() {
    return isLong() ? BigInteger.valueOf(den) : bigDenominator;
  }

  /**
   * The exact sum of many terms, added pairwise (the first two, the next two, ..., then the sums
   * the same way) so that the numbers stay balanced. Adding 132,480 error rates with different
   * denominators one after the other grows one huge denominator and repeats the work on it for
   * every term (minutes); pairwise it takes milliseconds. The result equals adding in order.
   *
   * <pre>{@code
   * Ratio.sum(List.of(Ratio.of(1, 3), Ratio.of(1, 6), Ratio.of(1, 2)));  // 1
   * Ratio.sum(List.of());                                                 // 0
   * }</pre>
   *
   * @param terms the terms, none null, not null
   * @return the sum, zero for no terms, not null
   * @throws InvalidInputException naming {@code terms[i]} if a term is null
   */
  public static Ratio sum(List<Ratio> terms) {
    Checks.notNull("terms", terms);
    List<Ratio> level = new ArrayList<>(terms.size());
    for (int i = 0; i < terms.size(); i++) {
      Ratio t = Checks.notNull("terms[" + i + "]", terms.get(i));
      if (!t.isZero()) {
        level.add(t);
      }
    }
    while (level.size() > 1) {
      List<Ratio> next = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i + 1 < level.size(); i += 2) {
        next.add(level.get(i).plus(level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        next.add(level.get(level.size() - 1));
      }
      level = next;
    }
    return level.isEmpty() ? ZERO : level.get(0);
  }

  /** The sum. */
  public Ratio plus(Ratio other) {
    // Adding zero gives the other term itself: the representation is canonical, so no new ratio is needed.
    if (isZero()) {
      return other;
    }
    if (other.isZero()) {
      return this;
    }
    if (isLong() && other.isLong()) {
      Ratio r = sumOfLongs(num, den, other.num, other.den);
      if (r != null) {
        return r;
      }
    }
    return plusBig(other.numerator(), other.denominator());
  }

  /** The difference. */
  public Ratio minus(Ratio other) {
    if (other.isZero()) {
      return this;
    }
    if (isLong() && other.isLong()) {
      // -other.num cannot overflow: a long numerator is never Long.MIN_VALUE.
      Ratio r = sumOfLongs(num, den, -other.num, other.den);
      if (r != null) {
        return r;
      }
    }
    return plusBig(other.numerator().negate(), other.denominator());
  }

  private Ratio plusBig(BigInteger n, BigInteger d) {
    BigInteger myDen = denominator();
    return ofBig(numerator().multiply(d).add(n.multiply(myDen)), myDen.multiply(d));
  }

  /**
   * {@code n1/d1 + n2/d2} of two ratios in lowest terms, in lowest terms (Knuth, TAOCP 4.5.1),
   * or null on overflow.
   */
  private static Ratio sumOfLongs(long n1, long d1, long n2, long d2) {
    if (n1 == 0) {
      return n2 == 0 ? ZERO : new Ratio(n2, d2);
    }
    if (n2 == 0) {
      return new Ratio(n1, d1);
    }
    if (d1 == d2) {
      long s = n1 + n2;
      if (((n1 ^ s) & (n2 ^ s)) < 0) {
        return null;
      }
      return ofLongs(s, d1);
    }
    long g = gcd(d1, d2);
    if (g == 1) {
      // gcd(n1·d2 + n2·d1, d1·d2) is 1 when both terms are in lowest terms and d1, d2 are coprime.
      long a = n1 * d2;
      if (Math.multiplyHigh(n1, d2) != (a >> 63)) {
        return null;
      }
      long b = n2 * d1;
      if (Math.multiplyHigh(n2, d1) != (b >> 63)) {
        return null;
      }
      long s = a + b;
      if (((a ^ s) & (b ^ s)) < 0 || s == Long.MIN_VALUE) {
        return null;
      }
      long d = d1 * d2;
      if (Math.multiplyHigh(d1, d2) != 0 || d < 0) {
        return null;
      }
      return s == 0 ? ZERO : new Ratio(s, d);
    }
    long d1g = d1 / g;
    long d2g = d2 / g;
    long a = n1 * d2g;
    if (Math.multiplyHigh(n1, d2g) != (a >> 63)) {
      return null;
    }
    long b = n2 * d1g;
    if (Math.multiplyHigh(n2, d1g) != (b >> 63)) {
      return null;
    }
    long t = a + b;
    if (((a ^ t) & (b ^ t)) < 0 || t == Long.MIN_VALUE) {
      return null;
    }
    if (t == 0) {
      return ZERO;
    }
    long g2 = gcd(Math.abs(t), g);
    long d2g2 = d2 / g2;
    long d = d1g * d2g2;
    if (Math.multiplyHigh(d1g, d2g2) != 0 || d < 0) {
      return null;
    }
    return new Ratio(t / g2, d);
  }

  /** The product. */
  public Ratio multipliedBy(Ratio other) {
    if (isLong() && other.isLong()) {
      Ratio r = productOfLongs(num, den, other.num, other.den);
      if (r != null) {
        return r;
      }
    }
    return ofBig(numerator().multiply(other.numerator()), denominator().multiply(other.denominator()));
  }

  /**
   * {@code n1/d1 × n2/d2} of two ratios in lowest terms, in lowest terms, or null on overflow.
   * Cross-reducing first keeps the terms small: gcd(n1, d2) and gcd(n2, d1) are divided out.
   */
  private static Ratio productOfLongs(long n1, long d1, long n2, long d2) {
    if (n1 == 0 || n2 == 0) {
      return ZERO;
    }
    if (n2 == 1 && d2 == 1) {
      return new Ratio(n1, d1);
    }
    if (n1 == 1 && d1 == 1) {
      return new Ratio(n2, d2);
    }
    long g1 = gcd(Math.abs(n1), d2);
    long g2 = gcd(Math.abs(n2), d1);
    long a = n1 / g1;
    long b = n2 / g2;
    long n = a * b;
    if (Math.multiplyHigh(a, b) != (n >> 63) || n == Long.MIN_VALUE) {
      return null;
    }
    long c = d1 / g2;
    long e = d2 / g1;
    long d = c * e;
    if (Math.multiplyHigh(c, e) != 0 || d < 0) {
      return null;
    }
    return new Ratio(n, d);
  }

  /** The product with an integer. */
  public Ratio multipliedBy(long factor) {
    if (isLong() && factor != Long.MIN_VALUE) {
      Ratio r = productOfLongs(num, den, factor, 1);
      if (r != null) {
        return r;
      }
    }
    return ofBig(numerator().multiply(BigInteger.valueOf(factor)), denominator());
  }

  /**
   * The quotient.
   *
   * @throws InvalidInputException if the divisor is zero
   */
  public Ratio dividedBy(Ratio divisor) {
    if (isLong() && divisor.isLong() && divisor.num != 0) {
      // The reciprocal of n/d is (sign n · d)/|n|, again in lowest terms; |n| cannot overflow.
      Ratio r = productOfLongs(num, den,
          divisor.num < 0 ? -divisor.den : divisor.den, Math.abs(divisor.num));
      if (r != null) {
        return r;
      }
    }
    return of(numerator().multiply(divisor.denominator()), denominator().multiply(divisor.numerator()));
  }

  /** The negation. */
  public Ratio negated() {
    if (isLong()) {
      return num == 0 ? this : new Ratio(-num, den);
    }
    // -Long.MIN_VALUE does not fit in a long, and Long.MIN_VALUE is held as BigIntegers.
    return ofBig(bigNumerator.negate(), bigDenominator);
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
    return isLong() ? Long.signum(num) : bigNumerator.signum();
  }

  /** True if zero. */
  public boolean isZero() {
    return isLong() && num == 0;
  }

  /** The greatest integer not above the ratio. */
  public BigInteger floor() {
    if (isLong()) {
      return BigInteger.valueOf(Math.floorDiv(num, den));
    }
    BigInteger[] qr = bigNumerator.divideAndRemainder(bigDenominator);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /** The least integer not below the ratio. */
  public BigInteger ceiling() {
    if (isLong()) {
      return BigInteger.valueOf(Math.ceilDiv(num, den));
    }
    BigInteger[] qr = bigNumerator.divideAndRemainder(bigDenominator);
    return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
  }

  /**
   * Compares the ratio, taken as a fraction, to a percentage, exactly: {@code 0.9995} equals
   * {@code 99.95} percent.
   *
   * <p>A percentage compared many times is cheaper turned into a ratio once with
   * {@link #percent(BigDecimal)} and compared with {@link #compareTo(Ratio)}, which gives the same
   * answer.
   *
   * @param percent the percentage, not null
   * @return negative, zero or positive as this ratio is below, equal to or above it
   */
  public int compareToPercent(BigDecimal percent) {
    Checks.notNull("ratio.value", percent);
    int scale = percent.scale();
    if (isLong() && scale >= 0 && scale < POWERS_OF_TEN.length) {
      BigInteger unscaled = percent.unscaledValue();
      if (unscaled.bitLength() < Long.SIZE) {
        // num/den against unscaled/(100·10^scale): compare num·100·10^scale with unscaled·den.
        long q = POWERS_OF_TEN[scale];
        long hi = Math.multiplyHigh(q, 100);
        long q100 = q * 100;
        if (hi == 0 && q100 > 0) {
          return compareProducts(num, q100, unscaled.longValue(), den);
        }
      }
    }
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
    if (isLong()) {
      if (scale >= 0 && scale < POWERS_OF_TEN.length && mode != null && mode != RoundingMode.UNNECESSARY) {
        BigDecimal rounded = roundLongs(num, den, scale, mode);
        if (rounded != null) {
          return rounded;
        }
      }
      return BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den), scale, mode);
    }
    return new BigDecimal(bigNumerator).divide(new BigDecimal(bigDenominator), scale, mode);
  }

  /**
   * {@code n/d} rounded to {@code scale} decimals, as {@code BigDecimal.divide} would round it,
   * or null if {@code n·10^scale} overflows. The denominator is positive, the scale in 0..18 and
   * the mode not {@code UNNECESSARY}.
   */
  private static BigDecimal roundLongs(long n, long d, int scale, RoundingMode mode) {
    long q = roundedUnscaled(n, d, scale, mode);
    return q == Long.MIN_VALUE ? null : BigDecimal.valueOf(q, scale);
  }

  /**
   * The unscaled value of {@code n/d} rounded to {@code scale} decimals (as {@link #roundLongs}),
   * or {@code Long.MIN_VALUE} if {@code n·10^scale} overflows. The result is never
   * {@code Long.MIN_VALUE} otherwise: {@code n·10^scale} cannot be, as {@code n} is not.
   */
  private static long roundedUnscaled(long n, long d, int scale, RoundingMode mode) {
    long p = POWERS_OF_TEN[scale];
    long m = n * p;
    if (Math.multiplyHigh(n, p) != (m >> 63)) {
      return Long.MIN_VALUE;
    }
    long q = m / d;
    long r = m % d;
    if (r != 0) {
      // Truncation went towards zero; decide whether to step one unit away from it.
      int sign = m < 0 ? -1 : 1;
      long absR = Math.abs(r);
      int half = Long.compare(absR, d - absR); // the remainder against half the divisor
      boolean away = switch (mode) {
        case UP -> true;
        case DOWN -> false;
        case CEILING -> sign > 0;
        case FLOOR -> sign < 0;
        case HALF_UP -> half >= 0;
        case HALF_DOWN -> half > 0;
        case HALF_EVEN -> half > 0 || (half == 0 && (q & 1) != 0);
        case UNNECESSARY -> throw new IllegalStateException("UNNECESSARY is rounded by BigDecimal");
      };
      if (away) {
        q += sign; // cannot overflow: d is at least 2 when there is a remainder, so |q| <= MAX / 2
      }
    }
    return q;
  }

  /**
   * Compares this ratio rounded to {@code scale} decimals with {@code mode} (as {@link
   * #toBigDecimal} rounds it) against {@code limit}, without building the rounded decimal:
   * negative, zero or positive as the rounded value is below, equal to or above the limit.
   * In longs when both ratios are held as longs and the rounding fits, else on the exact path
   * ({@link #toBigDecimal}, {@link #of(BigDecimal)}, {@link #compareTo}); both give the same
   * answer. The engine's within-the-cap check per credit line.
   */
  int compareRounded(int scale, RoundingMode mode, Ratio limit) {
    if (isLong() && limit.isLong() && scale >= 0 && scale < POWERS_OF_TEN.length
        && mode != null && mode != RoundingMode.UNNECESSARY) {
      long q = roundedUnscaled(num, den, scale, mode);
      if (q != Long.MIN_VALUE) {
        // q/10^scale against limit.num/limit.den, both denominators positive: compare q·den with num·10^scale.
        return compareProducts(q, limit.den, limit.num, POWERS_OF_TEN[scale]);
      }
    }
    return compareRoundedExactly(scale, mode, limit);
  }

  /** {@link #compareRounded} on the exact path, always; the reference its fast path is tested against. */
  int compareRoundedExactly(int scale, RoundingMode mode, Ratio limit) {
    return Integer.signum(of(toBigDecimal(scale, mode)).compareTo(limit));
  }

  /**
   * {@link #toBigDecimal toBigDecimal(scale, HALF_UP)} with its trailing zeros beyond {@code
   * minScale} dropped, as plain text ({@code 3.125000} at minScale 2 is {@code "3.125"}, {@code
   * 0.0000} is {@code "0.00"}), appended to {@code out}; false, appending nothing, when the
   * ratio or the rounding does not fit in longs. {@code minScale} is in 0..scale.
   */
  boolean appendHalfUp(int scale, int minScale, StringBuilder out) {
    if (!isLong() || scale >= POWERS_OF_TEN.length) {
      return false;
    }
    long q = roundedUnscaled(num, den, scale, RoundingMode.HALF_UP);
    if (q == Long.MIN_VALUE) {
      return false;
    }
    int s = scale;
    while (s > minScale && q % 10 == 0) {
      q /= 10;
      s--;
    }
    if (q < 0) {
      out.append('-');
    }
    long abs = Math.abs(q); // q is never Long.MIN_VALUE
    long p = POWERS_OF_TEN[s];
    out.append(abs / p);
    if (s > 0) {
      out.append('.');
      long frac = abs % p;
      for (int i = s - 1; i > 0 && frac < POWERS_OF_TEN[i]; i--) {
        out.append('0');
      }
      out.append(frac);
    }
    return true;
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
    return multipliedBy(100).toBigDecimal(scale, mode);
  }

  @Override
  public int compareTo(Ratio other) {
    if (isLong() && other.isLong()) {
      if (den == other.den) {
        return Long.compare(num, other.num);
      }
      int s = Long.signum(num);
      int t = Long.signum(other.num);
      if (s != t) {
        return Integer.compare(s, t);
      }
      return compareProducts(num, other.den, other.num, den);
    }
    return numerator().multiply(other.denominator()).compareTo(other.numerator().multiply(denominator()));
  }

  /** Compares {@code a·b} with {@code c·d} exactly, as 128-bit products. */
  private static int compareProducts(long a, long b, long c, long d) {
    long hi1 = Math.multiplyHigh(a, b);
    long hi2 = Math.multiplyHigh(c, d);
    if (hi1 != hi2) {
      return Long.compare(hi1, hi2);
    }
    return Long.compareUnsigned(a * b, c * d);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Ratio r)) {
      return false;
    }
    if (isLong()) {
      return r.isLong() && num == r.num && den == r.den;
    }
    return !r.isLong() && bigNumerator.equals(r.bigNumerator) && bigDenominator.equals(r.bigDenominator);
  }

  /** The same as {@code numerator().hashCode() * 31 + denominator().hashCode()}, without the BigIntegers. */
  @Override
  public int hashCode() {
    if (isLong()) {
      return bigIntegerHash(num) * 31 + bigIntegerHash(den);
    }
    return bigNumerator.hashCode() * 31 + bigDenominator.hashCode();
  }

  /** {@code BigInteger.valueOf(v).hashCode()} for v other than Long.MIN_VALUE. */
  private static int bigIntegerHash(long v) {
    long abs = Math.abs(v);
    int high = (int) (abs >>> 32);
    int low = (int) abs;
    int h = high == 0 ? low : 31 * high + low;
    return h * Long.signum(v);
  }

  /** {@code n/d}, or {@code n} when the denominator is one. */
  @Override
  public String toString() {
    if (isLong()) {
      return den == 1 ? Long.toString(num) : num + "/" + den;
    }
    return bigDenominator.equals(BigInteger.ONE) ? bigNumerator.toString() : bigNumerator + "/" + bigDenominator;
  }
}
