package dev.amends.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class AllocationTest {
  private static final CurrencyUnit USD = CurrencyUnit.USD;

  private static List<Ratio> equal(int n) {
    return Collections.nCopies(n, Ratio.ONE);
  }

  private static List<Money> money(String... amounts) {
    List<Money> out = new ArrayList<>();
    for (String a : amounts) {
      out.add(Money.parse(a));
    }
    return out;
  }

  @Test
  void splitsTenDollarsThreeWaysGivingTheLeftoverCentToTheFirst() {
    // 1000 cents / 3 = 333 r 1: the one cent left goes to the first part (all remainders tie)
    assertThat(Allocation.allocate(Money.parse("USD 10.00"), equal(3)))
        .containsExactlyElementsOf(money("USD 3.34", "USD 3.33", "USD 3.33"));
  }

  @Test
  void splitsByWeightGivingLeftoversToTheLargestRemainders() {
    // 10,000 cents × 1/6, 2/6, 3/6 = 1666.67, 3333.33, 5000 → floors 1666 + 3333 + 5000 = 9999;
    // the one cent left goes to the largest remainder (2/3 of a cent, the first part).
    List<Ratio> weights = List.of(Ratio.of(1), Ratio.of(2), Ratio.of(3));

    assertThat(Allocation.allocate(Money.parse("USD 100.00"), weights))
        .containsExactlyElementsOf(money("USD 16.67", "USD 33.33", "USD 50.00"));
  }

  @Test
  void largestRemainderWinsOverEarlierPosition() {
    // 100 cents × 1/7, 3/7, 3/7 = 14.29, 42.86, 42.86 → floors 14 + 42 + 42 = 98; two cents left.
    // Remainders 2/7, 6/7, 6/7: the second and third get them, not the first.
    List<Ratio> weights = List.of(Ratio.of(1), Ratio.of(3), Ratio.of(3));

    assertThat(Allocation.allocate(Money.parse("USD 1.00"), weights))
        .containsExactlyElementsOf(money("USD 0.14", "USD 0.43", "USD 0.43"));
  }

  @Test
  void tiesGoToTheEarlierParts() {
    // 2 cents three ways: remainders 2/3 each; the first two get a cent.
    assertThat(Allocation.allocate(Money.parse("USD 0.02"), equal(3)))
        .containsExactlyElementsOf(money("USD 0.01", "USD 0.01", "USD 0.00"));
  }

  @Test
  void splitsByFractionalWeights() {
    // Weights 0.25 and 0.75 of USD 0.99: 24.75 and 74.25 cents → 24 + 74 = 98; the cent left goes to
    // the larger remainder, 0.75 of a cent, which is the first part's.
    List<Ratio> weights = List.of(Ratio.of(new BigDecimal("0.25")), Ratio.of(new BigDecimal("0.75")));

    assertThat(Allocation.allocate(Money.parse("USD 0.99"), weights))
        .containsExactlyElementsOf(money("USD 0.25", "USD 0.74"));
  }

  @Test
  void splitsANegativeAmountAsTheNegationOfItsAbsoluteValue() {
    assertThat(Allocation.allocate(Money.parse("USD -10.00"), equal(3)))
        .containsExactlyElementsOf(money("USD -3.34", "USD -3.33", "USD -3.33"));
  }

  @Test
  void splitsYenInWholeYen() {
    // JPY 1,000 / 3 = 333 r 1
    assertThat(Allocation.allocate(Money.parse("JPY 1000"), equal(3)))
        .containsExactlyElementsOf(money("JPY 334", "JPY 333", "JPY 333"));
    // JPY 100 / 7 = 14 r 2: the first two parts get one more yen
    assertThat(Allocation.allocate(Money.parse("JPY 100"), equal(7)))
        .containsExactlyElementsOf(money("JPY 15", "JPY 15", "JPY 14", "JPY 14", "JPY 14", "JPY 14", "JPY 14"));
  }

  @Test
  void splitsDinarsInFils() {
    // BHD 1.000 / 3 = 333 fils r 1
    assertThat(Allocation.allocate(Money.parse("BHD 1.000"), equal(3)))
        .containsExactlyElementsOf(money("BHD 0.334", "BHD 0.333", "BHD 0.333"));
  }

  @Test
  void aZeroWeightGetsNothing() {
    List<Ratio> weights = List.of(Ratio.ZERO, Ratio.ONE, Ratio.ZERO, Ratio.ONE);

    assertThat(Allocation.allocate(Money.parse("USD 0.03"), weights))
        .containsExactlyElementsOf(money("USD 0.00", "USD 0.02", "USD 0.00", "USD 0.01"));
  }

  @Test
  void zeroSplitsIntoZeros() {
    assertThat(Allocation.allocate(Money.zero(USD), equal(2))).containsExactlyElementsOf(money("USD 0.00", "USD 0.00"));
  }

  @Test
  void rejectsBadWeightsNamingThem() {
    Money ten = Money.parse("USD 10.00");

    assertThatThrownBy(() -> Allocation.allocate(ten, List.of(Ratio.ONE, Ratio.of(-1, 2))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("weights[1] must not be negative: -1/2");
    assertThatThrownBy(() -> Allocation.allocate(ten, List.of(Ratio.ZERO, Ratio.ZERO)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("weights must have a positive sum: [0, 0]");
    assertThatThrownBy(() -> Allocation.allocate(ten, List.of()))
        .hasMessage("weights must not be empty: []");
    assertThatThrownBy(() -> Allocation.allocate(null, equal(2))).hasMessage("total is required: null");
  }

  // ---------------------------------------------------------------- properties

  @Provide
  Arbitrary<Money> totals() {
    Arbitrary<CurrencyUnit> currency =
        Arbitraries.of(CurrencyUnit.USD, CurrencyUnit.JPY, CurrencyUnit.of("BHD"), CurrencyUnit.EUR);
    return currency.flatMap(c -> Arbitraries.longs().between(-10_000_000L, 10_000_000L)
        .map(minor -> Money.ofMinor(c, minor)));
  }

  @Provide
  Arbitrary<List<Ratio>> weights() {
    Arbitrary<Ratio> w = Arbitraries.integers().between(0, 1000)
        .flatMap(n -> Arbitraries.integers().between(1, 97).map(d -> Ratio.of(n, d)));
    return w.list().ofMinSize(1).ofMaxSize(12).filter(ws -> ws.stream().anyMatch(r -> !r.isZero()));
  }

  @Property
  void partsSumExactlyToTheWholeAndStayWithinOneMinorUnitOfTheirShare(
      @ForAll("totals") Money total, @ForAll("weights") List<Ratio> weights) {
    List<Money> parts = Allocation.allocate(total, weights);

    assertThat(parts).hasSameSizeAs(weights);
    BigInteger sumMinor = BigInteger.ZERO;
    BigInteger weightNum = BigInteger.ZERO;
    // Sum the weights by hand over a common denominator so the oracle does not use Ratio.plus.
    BigInteger common = BigInteger.ONE;
    for (Ratio w : weights) {
      common = common.multiply(w.denominator());
    }
    for (Ratio w : weights) {
      weightNum = weightNum.add(w.numerator().multiply(common.divide(w.denominator())));
    }
    for (int i = 0; i < parts.size(); i++) {
      Money part = parts.get(i);
      assertThat(part.getCurrencyUnit()).isEqualTo(total.getCurrencyUnit());
      BigInteger partMinor = part.getAmountMinor().toBigIntegerExact();
      sumMinor = sumMinor.add(partMinor);
      // exact share in minor units = total × w_i / Σw = total × (n_i × common/d_i) / weightNum;
      // |part − share| < 1  ⇔  |part × weightNum − total × n_i × common/d_i| < weightNum
      Ratio w = weights.get(i);
      BigInteger shareNum = total.getAmountMinor().toBigIntegerExact()
          .multiply(w.numerator()).multiply(common.divide(w.denominator()));
      BigInteger diff = partMinor.multiply(weightNum).subtract(shareNum).abs();
      assertThat(diff).as("part %s = %s vs exact share", i, part).isLessThan(weightNum);
    }
    assertThat(sumMinor).isEqualTo(total.getAmountMinor().toBigIntegerExact());
  }
}
