package dev.amends.rules;

import dev.amends.rules.engine.Evaluation;
import dev.amends.rules.engine.Evaluator;
import static dev.amends.rules.RuleFixtures.HALF_UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.money.DayCount;
import dev.amends.core.money.Rounding;
import dev.amends.core.outage.OutageLog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Traces off changes nothing but the traces: over varied fleets, outages and policies built from
 * every standard leaf and combinator, the lines (amount, reason, key, path, outages), flags,
 * warnings, carried-forward credits and totals are the same with traces on and off, and so is
 * any error.
 */
class TracesOffPropertiesTest {
  /** A goodwill campaign per account, landing in June 2024: the second eligible subscription is skipped. */
  static final Campaign GOODWILL = Campaign.builder()
      .id("goodwill")
      .eligibleAt(Instant.parse("2024-06-15T00:00:00Z"))
      .eligibility(Conditions.placedUnder(dev.amends.core.scope.Scope.of("grid")))
      .unit(Campaign.Unit.PER_ACCOUNT)
      .grant(Rules.freePeriods("free", BigDecimal.ONE, Rules.FreePeriodValue.MONTHLY_PRICE))
      .rounding(HALF_UP)
      .build();

  @Property(tries = 40)
  void linesFlagsWarningsAndCarriesAreTheSameWithTracesOnAndOff(
      @ForAll @LongRange(min = 1, max = 1_000_000) long fleetSeed,
      @ForAll @LongRange(min = 1, max = 1_000_000) long treeSeed,
      @ForAll @IntRange(min = 0, max = 5) int claimDay,
      @ForAll boolean halfEven) {
    Policy policy = RuleFixtures.policyBuilder("p", tree(new SplittableRandom(treeSeed)),
            Rounding.of(halfEven ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP))
        .minimumCredit(List.of(Money.parse("USD 0.05")))
        .build();
    PolicyBook book = PolicyBook.of(policy);
    OutageLog outages = OutageLog.of(BatchFleet.outages(fleetSeed));
    CreditEngine on = CreditEngine.builder().policies(book).outages(outages).campaigns(GOODWILL).build();
    CreditEngine off = CreditEngine.builder().policies(book).outages(outages).campaigns(GOODWILL).traces(false)
        .build();

    for (int i = 0; i < 12; i++) {
      DecisionRequest plain = BatchFleet.request(fleetSeed, i);
      DecisionRequest request = DecisionRequest.builder().from(plain)
          .addClaims(Claim.builder().id("CLM-" + i)
              .filedAt(Instant.parse("2024-07-01T00:00:00Z").plus(Duration.ofDays(10L * claimDay))).build())
          .addCarriedIn(new CarriedCredit("sub-0", "p", "root/capped", Money.parse("USD 1.37")))
          .build();
      assertSameButTraces(on, off, request);
      // Re-run with what the traced run gave already issued: the reconciliation is the same too.
      Object first = outcome(on, request);
      if (first instanceof CreditDecision d && !d.lines().isEmpty()) {
        DecisionRequest rerun = DecisionRequest.builder().from(request)
            .addIssued(IssuedCredit.of(d.lines().get(0)))
            .build();
        assertSameButTraces(on, off, rerun);
      }
    }
  }

  @Property(tries = 300)
  void everyCombinatorPassesOnTheSameLinesWithoutBuildingATrace(
      @ForAll @LongRange(min = 1, max = 1_000_000) long treeSeed,
      @ForAll @IntRange(min = 1, max = 3000) int minutesDown) {
    RuleNode tree = tree(new SplittableRandom(treeSeed));
    RuleContext context = RuleFixtures.context(RuleFixtures.ACCOUNT_USD_20, RuleFixtures.JUNE_2024_UTC,
        RuleFixtures.outage("OUT-X", "2024-06-10T00:00:00Z", Duration.ofMinutes(minutesDown)));

    Evaluation traced = Evaluator.INSTANCE.evaluate(tree, "", context);
    Evaluation untraced = Evaluator.UNTRACED.evaluate(tree, "", context);

    assertThat(untraced.trace()).isNull();
    assertThat(traced.trace()).isNotNull();
    assertThat(untraced.lines()).isEqualTo(traced.lines());
    assertThat(untraced.flags()).isEqualTo(traced.flags());
    assertThat(untraced.carried()).isEqualTo(traced.carried());
  }

  @Property(tries = 15)
  void batchesAreTheSameWithTracesOnAndOff(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    CreditEngine on = BatchFleet.engine(seed);
    CreditEngine off = CreditEngine.builder().policies(on.policies()).outages(on.outages()).traces(false).build();
    List<DecisionRequest> requests = BatchFleet.requests(seed, 40);

    List<BatchResult> traced = BatchRunTest.all(on.decideAll(requests.iterator(), BatchOptions.defaults()));
    List<BatchResult> untraced = BatchRunTest.all(off.decideAll(requests.iterator(), BatchOptions.defaults()));

    assertThat(untraced).hasSameSizeAs(traced);
    for (int i = 0; i < traced.size(); i++) {
      CreditDecision a = ((BatchResult.Decided) traced.get(i)).decision();
      CreditDecision b = ((BatchResult.Decided) untraced.get(i)).decision();
      assertThat(essence(b)).isEqualTo(essence(a));
      assertThat(b.traces()).isEmpty();
    }
  }

  @Test
  void explainWithTracesOffListsLinesAndSaysHowToRecordTraces() {
    Policy p = RuleFixtures.policy("p", Rules.percentOfFee("ten", BigDecimal.TEN));
    CreditEngine off = CreditEngine.builder().policies(PolicyBook.of(p)).traces(false).build();

    CreditDecision d = off.decide(RuleFixtures.ACCOUNT_USD_20, RuleFixtures.JUNE_2024_UTC);

    // 10 % of USD 20.00 = USD 2.00
    assertThat(off.traces()).isFalse();
    assertThat(d.traced()).isFalse();
    assertThat(d.traces()).isEmpty();
    assertThat(d.trace("sub-1", "p")).isEmpty();
    assertThat(d.explain())
        .contains("Lines:\n  ")
        .contains("USD 2.00")
        .contains("10 % of USD 20.00 = USD 2.00")
        .contains("Totals: USD 2.00")
        .endsWith("Trace: not recorded; the engine was built with traces off"
            + " (CreditEngine.builder().traces(true) records them)\n");
  }

  @Test
  void tracesAreOnByDefault() {
    CreditDecision d = RuleFixtures.decide(Rules.percentOfFee("ten", BigDecimal.TEN));

    assertThat(d.traced()).isTrue();
    assertThat(d.traces()).singleElement().satisfies(t -> assertThat(t.root().values())
        .containsEntry("percent", TraceValue.percent(BigDecimal.TEN)));
    assertThat(d.explain()).contains("Trace:\n").doesNotContain("not recorded");
  }

  static void assertSameButTraces(CreditEngine on, CreditEngine off, DecisionRequest request) {
    Object traced = outcome(on, request);
    Object untraced = outcome(off, request);
    assertThat(untraced).isEqualTo(traced instanceof CreditDecision d ? essence(d) : traced);
    if (traced instanceof CreditDecision d) {
      assertThat(d.traced()).isTrue();
      assertThat(d.traces()).isNotEmpty();
      // What the fleets exercise, in the jqwik report: the property is only as good as these.
      Statistics.label("lines").collect(d.lines().isEmpty() ? "none" : "some");
      Statistics.label("cap reached").collect(d.flags().contains(DecisionFlag.CAP_REACHED));
      Statistics.label("carried forward").collect(!d.carriedForward().isEmpty());
      Statistics.label("warnings").collect(!d.warnings().isEmpty());
      Statistics.label("claim path credited").collect(
          d.lines().stream().anyMatch(l -> l.rulePath().startsWith("root/claimed/")));
    } else {
      Statistics.label("error").collect(String.valueOf(traced).replaceAll(":.*", ""));
    }
  }

  /** The decision without its traces, or the error's type and message. */
  static Object outcome(CreditEngine engine, DecisionRequest request) {
    try {
      CreditDecision d = engine.decide(request);
      if (!engine.traces()) {
        assertThat(d.traced()).isFalse();
        assertThat(d.traces()).isEmpty();
        assertThat(d.explain()).contains("Trace: not recorded");
        return essence(d);
      }
      return d;
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** Everything a decision says but its traces. */
  static List<Object> essence(CreditDecision d) {
    return List.of(d.accountId(), d.period(), d.evaluatedAt(), d.lines(), d.totals(), d.flags(), d.warnings(),
        d.carriedForward());
  }

  /**
   * A tree under a sum holding every combinator: a carrying cap over the most generous of two
   * leaves, a first match, an exactly-one whose children exclude each other, a when with and
   * without otherwise, a claim requirement, and a capped leaf per outage; leaves of every standard kind, chosen at random.
   */
  static RuleNode tree(SplittableRandom r) {
    int[] n = {0};
    BigDecimal threshold = new BigDecimal(r.nextBoolean() ? "99.9" : "99.5");
    return Rules.sum("root",
        Rules.cap("capped", limit(r), pick(r, Rules.CapScope.values()), pick(r, Rules.Spread.values()),
            Rules.Excess.CARRIED_FORWARD,
            Rules.mostGenerous("best", leaf(r, n), leaf(r, n))),
        Rules.firstMatch("first", leaf(r, n), leaf(r, n), leaf(r, n)),
        Rules.exactlyOne("one",
            Rules.when("low", Conditions.availabilityBelow(threshold), leaf(r, n)),
            Rules.when("high", Conditions.not(Conditions.availabilityBelow(threshold)), leaf(r, n))),
        Rules.when("either", Conditions.downtimeAtLeast(Duration.ofMinutes(r.nextInt(10, 400))), leaf(r, n),
            leaf(r, n)),
        Rules.requiresClaim("claimed", ClaimDeadline.daysAfterPeriodEnd(r.nextInt(1, 40)),
            Rules.cap("inner", limit(r), leaf(r, n))),
        Rules.perOutage("each", Rules.cap("each-capped", limit(r), leaf(r, n))));
  }

  static CapLimit limit(SplittableRandom r) {
    return switch (r.nextInt(3)) {
      case 0 -> CapLimit.percentOfFee(BigDecimal.valueOf(r.nextInt(0, 150)));
      case 1 -> CapLimit.amount(Money.ofMinor(org.joda.money.CurrencyUnit.USD, r.nextInt(0, 4000)));
      default -> CapLimit.days(BigDecimal.valueOf(r.nextInt(0, 40), 1), DayCount.ACTUAL);
    };
  }

  static RuleNode leaf(SplittableRandom r, int[] n) {
    String id = "leaf-" + n[0]++;
    return switch (r.nextInt(7)) {
      case 0 -> Rules.availabilityTiers(id, Tier.range("99.0", "99.9", "10"), Tier.range("95.0", "99.0", "25"),
          Tier.range("0", "95.0", "100"));
      case 1 -> Rules.perBlock(id, Duration.ofMinutes(r.nextInt(5, 61)), BigDecimal.valueOf(r.nextInt(1, 30), 1),
          pick(r, Rules.BlockCount.values()));
      case 2 -> Rules.percentOfFee(id, BigDecimal.valueOf(r.nextInt(0, 2500), 2));
      case 3 -> r.nextBoolean()
          ? Rules.multipleOfProratedFee(id, BigDecimal.valueOf(r.nextInt(1, 20)), new BigDecimal("99.95"))
          : Rules.multipleOfProratedFee(id, BigDecimal.valueOf(r.nextInt(1, 20)), Duration.ofMinutes(r.nextInt(0, 120)));
      case 4 -> Rules.daysOfService(id,
          r.nextBoolean() ? DaysValue.TERM_EXTENSION_ONLY : DaysValue.valuedAt(DayCount.ACTUAL),
          Tier.range("99.0", "99.9", "1"), Tier.range("0", "99.0", "3.5"));
      case 5 -> Rules.freePeriods(id, BigDecimal.valueOf(r.nextInt(0, 5), 1), pick(r, Rules.FreePeriodValue.values()));
      default -> Rules.flatAmount(id, Money.ofMinor(org.joda.money.CurrencyUnit.USD, r.nextInt(0, 900)));
    };
  }

  static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
