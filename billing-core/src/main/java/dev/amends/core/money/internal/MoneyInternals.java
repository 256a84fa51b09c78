package dev.amends.core.money.internal;

import dev.amends.core.internal.Checks;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.money.Rounding;

/**
 * Money arithmetic the engine needs without allocating, kept out of the public API of {@code
 * dev.amends.core.money}: the implementation is package-private there and registers itself here
 * when {@link Ratio} is initialised, which it is before any caller can hold a ratio or an amount.
 * Not API: this package is exported to {@code dev.amends.rules} only. It lives beside the money
 * package, not in {@code dev.amends.core.internal}, which the money package itself reads.
 */
public final class MoneyInternals {
  /** The operations; implemented in {@code dev.amends.core.money}. */
  public interface Ops {
    /**
     * Compares {@code amount} rounded once with {@code rounding} against {@code limit} (same
     * currency): negative, zero or positive as the rounded money is below, equal to or above it.
     * The same answer as {@code ExactMoney.of(amount.rounded(rounding)).compareTo(limit)}.
     */
    int compareRounded(ExactMoney amount, Rounding rounding, ExactMoney limit);

    /**
     * Appends {@code value} rounded half-up to {@code scale} decimals, its trailing zeros beyond
     * {@code minScale} (0..scale) dropped, in plain form, to {@code out}: the digits of {@code
     * value.toBigDecimal(scale, HALF_UP)} stripped of those zeros, {@code toPlainString()}.
     * False, appending nothing, where that does not fit in longs (the caller takes the exact path).
     */
    boolean appendHalfUp(Ratio value, int scale, int minScale, StringBuilder out);
  }

  private static volatile Ops ops;

  private MoneyInternals() {}

  /**
   * Registers the implementation, once.
   *
   * @throws IllegalStateException on a second call
   */
  public static synchronized void register(Ops implementation) {
    if (ops != null) {
      throw new IllegalStateException("money internals are registered already");
    }
    ops = Checks.notNull("implementation", implementation);
  }

  /** {@link Ops#appendHalfUp}. */
  public static boolean appendHalfUp(Ratio value, int scale, int minScale, StringBuilder out) {
    return ops.appendHalfUp(value, scale, minScale, out); // registered: Ratio is initialised
  }

  /** {@link Ops#compareRounded}. */
  public static int compareRounded(ExactMoney amount, Rounding rounding, ExactMoney limit) {
    return ops.compareRounded(amount, rounding, limit); // registered: Ratio is initialised
  }
}
