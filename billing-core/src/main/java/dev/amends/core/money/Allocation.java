package dev.amends.core.money;

import dev.amends.core.InvalidInputException;
import dev.amends.core.internal.Checks;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Splits an amount of money into parts by weight so that the parts always sum to the whole.
 *
 * <p>Each part first gets the floor of its exact share in minor units; the minor units left
 * over go one each to the parts with the largest remainders, ties to the earlier part. So USD
 * 10.00 split three ways is USD 3.34, 3.33, 3.33, and a negative amount splits as the negation
 * of its absolute value.
 */
public final class Allocation {
  private Allocation() {}

  /**
   * Splits {@code total} by the given weights.
   *
   * @param total the amount to split, not null
   * @param weights non-negative weights, at least one, with a positive sum, not null
   * @return one part per weight, in order, summing exactly to {@code total}
   * @throws InvalidInputException if a weight is negative or all are zero
   */
  public static List<Money> allocate(Money total, List<Ratio> weights) {
    Checks.notNull("total", total);
    Checks.notEmpty("weights", weights);
    Ratio sum = Ratio.ZERO;
    for (int i = 0; i < weights.size(); i++) {
      Ratio w = Checks.notNull("weights[" + i + "]", weights.get(i));
      if (w.signum() < 0) {
        throw InvalidInputException.of("weights[" + i + "]", "must not be negative", w);
      }
      sum = sum.plus(w);
    }
    if (sum.isZero()) {
      throw InvalidInputException.of("weights", "must have a positive sum", weights);
    }
    if (total.isNegative()) {
      List<Money> parts = allocate(total.negated(), weights);
      List<Money> negated = new ArrayList<>(parts.size());
      for (Money p : parts) {
        negated.add(p.negated());
      }
      return List.copyOf(negated);
    }
    CurrencyUnit currency = total.getCurrencyUnit();
    BigInteger minor = total.getAmountMinor().toBigInteger();
    BigInteger[] floors = new BigInteger[weights.size()];
    Ratio[] remainders = new Ratio[weights.size()];
    BigInteger given = BigInteger.ZERO;
    for (int i = 0; i < weights.size(); i++) {
      Ratio exact = weights.get(i).dividedBy(sum).multipliedBy(Ratio.of(minor, BigInteger.ONE));
      floors[i] = exact.floor();
      remainders[i] = exact.minus(Ratio.of(floors[i], BigInteger.ONE));
      given = given.add(floors[i]);
    }
    int left = minor.subtract(given).intValueExact();
    boolean[] bumped = new boolean[weights.size()];
    for (int n = 0; n < left; n++) {
      int best = -1;
      for (int i = 0; i < weights.size(); i++) {
        if (!bumped[i] && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) {
          best = i;
        }
      }
      bumped[best] = true;
      floors[best] = floors[best].add(BigInteger.ONE);
    }
    List<Money> parts = new ArrayList<>(weights.size());
    for (BigInteger f : floors) {
      parts.add(Money.ofMinor(currency, f.longValueExact()));
    }
    return List.copyOf(parts);
  }
}
