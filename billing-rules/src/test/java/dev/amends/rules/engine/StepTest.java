package dev.amends.rules.engine;

import static dev.amends.rules.RuleFixtures.ACCOUNT_USD_20;
import static dev.amends.rules.RuleFixtures.JUNE_2024_UTC;
import static dev.amends.rules.RuleFixtures.OUT_1;
import static dev.amends.rules.RuleFixtures.OUT_2;
import static dev.amends.rules.RuleFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.amends.core.InvalidInputException;
import dev.amends.core.money.ExactMoney;
import dev.amends.rules.CapLimit;
import dev.amends.rules.ClaimDeadline;
import dev.amends.rules.Conditions;
import dev.amends.rules.CreditRule;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.Outcome;
import dev.amends.rules.PercentOfFeeRule;
import dev.amends.rules.RuleContext;
import dev.amends.rules.RuleEvaluationException;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.Rules.CapScope;
import dev.amends.rules.Rules.Excess;
import dev.amends.rules.Rules.Spread;
import dev.amends.rules.engine.Evaluation.CapMark;
import dev.amends.rules.engine.Evaluation.Carry;
import dev.amends.rules.engine.Evaluation.PendingLine;
import dev.amends.core.measure.Contribution;
import dev.amends.core.measure.Exclusion;
import dev.amends.core.measure.ExclusionReason;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.OutageBreakdown;
import dev.amends.core.money.Ratio;
import dev.amends.core.time.WindowSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The plan's steps, evaluated directly: the USD 20.00 account {@code acct-1} in June 2024 (UTC)
 * with OUT-1 (3 h), answered by {@link Answer} rules with fixed amounts.
 */
class StepTest {
  static final RuleContext JUNE = context(ACCOUNT_USD_20, JUNE_2024_UTC, OUT_1);

  static Evaluation traced(RuleNode root) {
    return Evaluator.INSTANCE.evaluate(root, "", JUNE);
  }

  static Evaluation untraced(RuleNode root) {
    return Evaluator.UNTRACED.evaluate(root, "", JUNE);
  }

  static CapLimit usd(String amount) {
    return CapLimit.amount(Money.parse("USD " + amount));
  }

  static ExactMoney exact(String money) {
    return ExactMoney.of(Money.parse(money));
  }

  static RuleNode carryingCap(String id, String limit, RuleNode child) {
    return Rules.cap(id, usd(limit), CapScope.PER_PERIOD, Spread.IN_ORDER, Excess.CARRIED_FORWARD, child);
  }

  // ---- compiling ----

  @Test
  void aCompiledPolicyHandsOutTheLeafItsPlanCompiledForEveryStandardRuleOfTheTree() {
    List<PercentOfFeeRule> leaves = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i").stream()
        .map(id -> Rules.percentOfFee(id, BigDecimal.ONE)).toList();
    RuleNode tree = Rules.sum("root",
        Rules.perOutage("each", leaves.get(0)),
        Rules.mostGenerous("best", leaves.get(1), leaves.get(2)),
        Rules.firstMatch("first", leaves.get(3)),
        Rules.cap("cap", usd("5.00"), leaves.get(4)),
        Rules.when("if", Conditions.planIn("grid"), leaves.get(5), leaves.get(6)),
        Rules.requiresClaim("claim", ClaimDeadline.daysAfterPeriodEnd(30), leaves.get(7)),
        Rules.when("only-if", Conditions.planIn("grid"), leaves.get(8)),
        Answer.credit("own", "USD 1.00"));

    CompiledPolicy compiled = CompiledPolicy.of(tree);

    for (PercentOfFeeRule leaf : leaves) {
      assertThat(compiled.leaf(leaf)).as(leaf.id()).isSameAs(compiled.leaf(leaf));
    }
  }

  // ---- failures ----

  @Test
  void aCapWithNoLimitInTheAccountsCurrencyFailsNamingTheCapWithTheLimitsOwnWords() {
    RuleNode cap = Rules.cap("cap", CapLimit.amount(Money.parse("EUR 5.00")), Answer.credit("a", "USD 2.00"));

    assertThatThrownBy(() -> untraced(cap))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("rule cap cap.amount has no amount in USD: [EUR 5.00]")
        .extracting(e -> ((RuleEvaluationException) e).path()).isEqualTo("cap");
  }

  @Test
  void aCombinatorNamesItselfForAnUnexpectedFailureOutsideItsChildrensRules() {
    // the rule answers, but its kind, read for its trace, fails
    CreditRule noKind = new CreditRule() {
      @Override
      public String id() {
        return "odd";
      }

      @Override
      public String kind() {
        throw new IllegalStateException("no kind");
      }

      @Override
      public Outcome evaluate(RuleContext context) {
        return Outcome.credit(exact("USD 1.00"), "one");
      }
    };

    assertThatThrownBy(() -> traced(Rules.sum("sum", noKind)))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("rule sum failed: java.lang.IllegalStateException: no kind");
  }

  @Test
  void aUserRuleFailingWithTheLibrarysExceptionIsNamedWithThatExceptionsWords() {
    Answer bad = Answer.of("bad", c -> {
      throw InvalidInputException.of("x", "is wrong", 3);
    });

    assertThatThrownBy(() -> untraced(Rules.sum("sum", bad)))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("rule sum/bad x is wrong: 3");
  }

  @Test
  void aUserRuleThatRecursesWithoutEndIsNamedAsHavingRecursedTooDeeply() {
    CreditRule endless = new CreditRule() {
      @Override
      public String id() {
        return "endless";
      }

      @Override
      public Outcome evaluate(RuleContext context) {
        return evaluate(context);
      }
    };

    assertThatThrownBy(() -> untraced(endless))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("rule endless failed: java.lang.StackOverflowError (it recursed too deeply)");
  }

  @Test
  void aUserRulesCreditInAnotherCurrencyIsAnError() {
    assertThatThrownBy(() -> untraced(Answer.credit("euros", "EUR 2.00")))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("rule euros gave a credit in EUR to an account billed in USD");
  }

  // ---- flags ----

  @Test
  void aUserRuleRaisesItsFlagsWithOrWithoutACredit() {
    Evaluation e = untraced(Rules.sum("sum",
        Answer.none("none").flagged(DecisionFlag.NEEDS_REVIEW),
        Answer.credit("credit", "USD 1.00").flagged(DecisionFlag.MISSING_TELEMETRY)));

    assertThat(e.flags()).containsExactlyInAnyOrder(DecisionFlag.NEEDS_REVIEW, DecisionFlag.MISSING_TELEMETRY);
  }

  @Test
  void whenNoChildCreditsTheMostGenerousRaisesEveryChildsFlags() {
    Evaluation e = untraced(Rules.mostGenerous("best",
        Answer.none("a").flagged(DecisionFlag.NEEDS_REVIEW),
        Answer.none("b").flagged(DecisionFlag.AMBIGUOUS_BOUNDARY)));

    assertThat(e.flags()).containsExactlyInAnyOrder(DecisionFlag.NEEDS_REVIEW, DecisionFlag.AMBIGUOUS_BOUNDARY);
  }

  @Test
  void theMostGenerousRaisesTheWinnersFlagsAndALosersAmbiguousBoundaryOnly() {
    // the first child wins with 3.00; the second's flag is dropped, the third's boundary kept
    Evaluation e = untraced(Rules.mostGenerous("best",
        Answer.credit("a", "USD 3.00").flagged(DecisionFlag.NEEDS_REVIEW),
        Answer.credit("b", "USD 1.00").flagged(DecisionFlag.MISSING_TELEMETRY),
        Answer.none("c").flagged(DecisionFlag.AMBIGUOUS_BOUNDARY)));

    assertThat(e.flags()).containsExactlyInAnyOrder(DecisionFlag.NEEDS_REVIEW, DecisionFlag.AMBIGUOUS_BOUNDARY);
  }

  @Test
  void theMostGenerousKeepsTheFlagsRaisedBeforeIt() {
    Evaluation e = untraced(Rules.sum("sum",
        Answer.none("n").flagged(DecisionFlag.MISSING_TELEMETRY),
        Rules.mostGenerous("best", Answer.credit("a", "USD 1.00"))));

    assertThat(e.flags()).containsExactly(DecisionFlag.MISSING_TELEMETRY);
  }

  // ---- carries ----

  @Test
  void theMostGenerousKeepsTheCarryOfAWinnerThatComesAfterALoserWithACarry() {
    // small: 3.00 capped to 1.00, 2.00 carried; large: 5.00 capped to 2.00, 3.00 carried; large wins
    Evaluation e = untraced(Rules.mostGenerous("best",
        carryingCap("small", "1.00", Answer.credit("x", "USD 3.00")),
        carryingCap("large", "2.00", Answer.credit("y", "USD 5.00"))));

    assertThat(e.lines()).extracting(PendingLine::path, PendingLine::amount)
        .containsExactly(tuple("best/large/y", exact("USD 2.00")));
    assertThat(e.carried()).containsExactly(new Carry("best/large", exact("USD 3.00")));
  }

  @Test
  void theMostGenerousDropsTheCarryOfALoserAfterTheWinner() {
    Evaluation e = untraced(Rules.mostGenerous("best",
        carryingCap("large", "2.00", Answer.credit("y", "USD 5.00")),
        carryingCap("small", "1.00", Answer.credit("x", "USD 3.00"))));

    assertThat(e.carried()).containsExactly(new Carry("best/large", exact("USD 3.00")));
  }

  @Test
  void everyCapThatCarriesForwardHasItsCarry() {
    // each 2.00 capped to 1.00: 1.00 carried three times
    Evaluation e = untraced(Rules.sum("sum",
        carryingCap("c1", "1.00", Answer.credit("a", "USD 2.00")),
        carryingCap("c2", "1.00", Answer.credit("b", "USD 2.00")),
        carryingCap("c3", "1.00", Answer.credit("c", "USD 2.00"))));

    assertThat(e.carried()).containsExactly(
        new Carry("sum/c1", exact("USD 1.00")),
        new Carry("sum/c2", exact("USD 1.00")),
        new Carry("sum/c3", exact("USD 1.00")));
  }

  @Test
  void aChildCappedToNothingDoesNotMatchAndLeavesNeitherLineNorCarry() {
    // pro rata to a limit of 0.00: the 2.00 is scaled to 0.00 and carried, so the child gave nothing
    RuleNode toNothing = Rules.cap("zero", usd("0.00"), CapScope.PER_PERIOD, Spread.PRO_RATA, Excess.CARRIED_FORWARD,
        Answer.credit("a", "USD 2.00"));

    Evaluation first = untraced(Rules.firstMatch("first", toNothing, Answer.credit("b", "USD 1.00")));
    assertThat(first.lines()).extracting(PendingLine::path, PendingLine::amount)
        .containsExactly(tuple("first/b", exact("USD 1.00")));
    assertThat(first.carried()).isEmpty();

    Evaluation outer = untraced(Rules.cap("outer", usd("5.00"), Rules.cap("zero", usd("0.00"),
        CapScope.PER_PERIOD, Spread.PRO_RATA, Answer.credit("a", "USD 2.00"))));
    assertThat(outer.lines()).isEmpty();
  }

  // ---- cap groups ----

  @Test
  void aCapsGroupIsItsFullPathUnderAPerOutageNode() {
    RuleContext twoOutages = context(ACCOUNT_USD_20, JUNE_2024_UTC, OUT_1, OUT_2);

    Evaluation e = Evaluator.UNTRACED.evaluate(
        Rules.perOutage("each", Rules.cap("cap", usd("5.00"), Answer.credit("a", "USD 2.00"))), "", twoOutages);

    assertThat(e.lines()).extracting(l -> l.caps().get(0).group())
        .containsExactly("each[OUT-1]/cap#", "each[OUT-2]/cap#");
  }

  @Test
  void aCapPerIncidentGroupsLinesByTheOutagesTheyRestOn() {
    Answer one = Answer.of("one", c -> Outcome.credit(exact("USD 2.00"), "one").withOutages(List.of("OUT-1")));
    Answer both = Answer.of("both",
        c -> Outcome.credit(exact("USD 1.00"), "both").withOutages(List.of("OUT-1", "OUT-2")));

    Evaluation perIncident = untraced(
        Rules.cap("cap", usd("5.00"), CapScope.PER_INCIDENT, Spread.IN_ORDER, Rules.sum("s", one, both)));
    Evaluation perPeriod = untraced(Rules.cap("cap", usd("5.00"), Rules.sum("s", one, both)));

    assertThat(perIncident.lines()).extracting(l -> l.caps().get(0).group())
        .containsExactly("cap#OUT-1", "cap#OUT-1\u001fOUT-2");
    assertThat(perPeriod.lines()).extracting(l -> l.caps().get(0))
        .containsExactly(new CapMark("cap#", exact("USD 5.00"), false), new CapMark("cap#", exact("USD 5.00"), false));
  }

  @Test
  void inOrderALineThatFitsWhollyKeepsItsReason() {
    // 3.00 + 4.00 = 7.00 over 5.00: the first keeps 3.00, the second 2.00
    Evaluation e = untraced(
        Rules.cap("cap", usd("5.00"), Rules.sum("s", Answer.credit("a", "USD 3.00"), Answer.credit("b", "USD 4.00"))));

    assertThat(e.lines()).extracting(PendingLine::amount, PendingLine::reason).containsExactly(
        tuple(exact("USD 3.00"), "given USD 3.00"),
        tuple(exact("USD 2.00"), "given USD 4.00; capped from USD 7.00 to USD 5.00 (limit USD 5.00)"));
  }

  // ---- per outage ----

  @Test
  void anOutageThatCountedNoDowntimeIsNotEvaluated() {
    RuleContext both = context(ACCOUNT_USD_20, JUNE_2024_UTC, OUT_1, OUT_2);
    Measurement m = both.measurement();
    Contribution nothingCounted = new Contribution("OUT-1", WindowSet.empty(), Duration.ZERO);
    RuleContext oneCounted = RuleContext.builder().from(both)
        .measurement(Measurement.builder().from(m)
            .contributions(List.of(nothingCounted, m.contributions().get(1))).build())
        .build();

    Evaluation e = Evaluator.UNTRACED.evaluate(Rules.perOutage("each", Answer.credit("a", "USD 1.00")), "", oneCounted);

    assertThat(e.lines()).extracting(PendingLine::path, PendingLine::outageIds)
        .containsExactly(tuple("each[OUT-2]/a", List.of("OUT-2")));
    assertThat(e.flags()).isEqualTo(Set.of());
  }

  @Test
  void oneOutagesContextSeesThatOutageAloneWithItsDowntimeWeightedByItsShareOfUsers() {
    // OUT-1: 3 h, half the users, weighted; OUT-2: 1 h, a third of the users, not weighted
    RuleContext both = context(ACCOUNT_USD_20, JUNE_2024_UTC, OUT_1, OUT_2);
    Measurement m = both.measurement();
    OutageBreakdown b1 = new OutageBreakdown("OUT-1", Duration.ofHours(3), Duration.ofHours(3), List.of(), List.of(),
        Ratio.of(1, 2), true);
    OutageBreakdown b2 = new OutageBreakdown("OUT-2", Duration.ofHours(1), Duration.ofHours(1), List.of(), List.of(),
        Ratio.of(1, 3), false);
    Exclusion x1 = new Exclusion(WindowSet.empty(), ExclusionReason.EXCLUDED_CAUSE, List.of("OUT-1"), "x1");
    Exclusion x2 = new Exclusion(WindowSet.empty(), ExclusionReason.EXCLUDED_CAUSE, List.of("OUT-2"), "x2");
    RuleContext weighted = RuleContext.builder().from(both)
        .measurement(Measurement.builder().from(m).breakdown(List.of(b1, b2)).exclusions(List.of(x1, x2)).build())
        .build();
    Contribution c1 = m.contributions().get(0);
    Contribution c2 = m.contributions().get(1);

    RuleContext one = Step.EachOutage.oneOutage(weighted, c1);
    RuleContext two = Step.EachOutage.oneOutage(weighted, c2);

    // 3 h x 1/2 = 90 min of 43,200: 1 - 90/43,200 = 479/480
    assertThat(one.measurement().downtime()).isEqualTo(Duration.ofMinutes(90));
    assertThat(one.measurement().availability()).isEqualByComparingTo(Ratio.of(479, 480));
    assertThat(one.measurement().breakdown()).containsExactly(b1);
    assertThat(one.measurement().exclusions()).containsExactly(x1);
    assertThat(one.measurement().contributions()).containsExactly(c1);
    assertThat(one.measurement().outageIds()).containsExactly("OUT-1");
    assertThat(one.outages()).containsExactly(OUT_1);
    // 1 h in full, its share not weighted: 1 - 60/43,200 = 719/720
    assertThat(two.measurement().downtime()).isEqualTo(Duration.ofHours(1));
    assertThat(two.measurement().availability()).isEqualByComparingTo(Ratio.of(719, 720));
    assertThat(two.measurement().breakdown()).containsExactly(b2);
    assertThat(two.measurement().exclusions()).containsExactly(x2);
    assertThat(two.outages()).containsExactly(OUT_2);
  }

  @Test
  void oneOutagesDowntimeIsAtMostTheDenominator() {
    // 3 h counted over a denominator of 2 h: 2 h down, availability 0
    Measurement m = JUNE.measurement();
    RuleContext twoHours = RuleContext.builder().from(JUNE)
        .measurement(Measurement.builder().from(m).denominator(Duration.ofHours(2)).availability(Ratio.ZERO).build())
        .build();

    RuleContext one = Step.EachOutage.oneOutage(twoHours, m.contributions().get(0));

    assertThat(one.measurement().downtime()).isEqualTo(Duration.ofHours(2));
    assertThat(one.measurement().availability()).isEqualByComparingTo(Ratio.ZERO);
  }

  @Test
  void oneOutageOverNoTimeAtAllIsFullyAvailable() {
    Measurement m = JUNE.measurement();
    RuleContext nothing = RuleContext.builder().from(JUNE)
        .measurement(Measurement.builder().from(m).denominator(Duration.ZERO).availability(Ratio.ONE).build())
        .build();

    RuleContext one = Step.EachOutage.oneOutage(nothing, m.contributions().get(0));

    assertThat(one.measurement().downtime()).isEqualTo(Duration.ZERO);
    assertThat(one.measurement().availability()).isEqualByComparingTo(Ratio.ONE);
  }
}
