package dev.amends.core.money;

import dev.amends.core.money.internal.MoneyInternals;

/** The money paths {@link MoneyInternals} hands to the engine; registered by {@link Ratio}. */
final class InternalOps implements MoneyInternals.Ops {
  @Override
  public int compareRounded(ExactMoney amount, Rounding rounding, ExactMoney limit) {
    return rounding.compareRounded(amount, limit);
  }

  @Override
  public boolean appendHalfUp(Ratio value, int scale, int minScale, StringBuilder out) {
    if (scale < 0 || minScale < 0 || minScale > scale) {
      throw new IllegalArgumentException("minScale " + minScale + " must lie in 0.." + scale);
    }
    return value.appendHalfUp(scale, minScale, out);
  }
}
