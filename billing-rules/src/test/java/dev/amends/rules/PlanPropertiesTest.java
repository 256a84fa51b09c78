package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.outage.Outage;
import dev.amends.rules.engine.Evaluation;
import dev.amends.rules.engine.Evaluator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.joda.money.Money;

/**
 * The compiled plan evaluates standard leaves straight into the subscription's lines (no {@link
 * Outcome} without traces) and combinators on ranges of one accumulator. Over random trees of
 * every combinator, nested, with leaves of every standard kind, it gives the same lines, flags,
 * carries, traces and errors as the same tree in which each standard rule is a user's rule that
 * calls {@link StandardRule#evaluate} (the standard rule alone, through its outcome), with
 * traces on and off.
 */
class PlanPropertiesTest {

  @Property(tries = 400)
  void thePlanGivesWhatEachStandardRuleGivesAloneThroughItsOutcome(
      @ForAll @LongRange(min = 1, max = 1_000_000_000) long seed, @ForAll boolean traced) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] n = {0};
    RuleNode tree = node(r, n, 3, false);
    RuleContext context = context(r, tree);
    Evaluator evaluator = traced ? Evaluator.INSTANCE : Evaluator.UNTRACED;

    Object planned = outcome(evaluator, tree, context);
    Object alone = outcome(evaluator, throughOutcomes(tree), context);

    assertThat(planned).isEqualTo(alone);
    Statistics.label("result").collect(planned instanceof List<?> l && !((List<?>) l.get(0)).isEmpty()
        ? "lines" : planned instanceof String ? "error" : "no lines");
  }

  /** The lines, flags, carries and trace of an evaluation, or the error's type and message. */
  private static Object outcome(Evaluator evaluator, RuleNode tree, RuleContext context) {
    try {
      Evaluation e = evaluator.evaluate(tree, "", context);
      List<Object> parts = new ArrayList<>();
      parts.add(e.lines());
      parts.add(e.flags());
      parts.add(e.carried());
      parts.add(Optional.ofNullable(e.trace()));
      return parts;
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /**
   * A random tree: each combinator (nested up to {@code depth}), leaves of every standard kind; a
   * cap carries its cut forward only where it may, not below a per-outage node.
   */
  static RuleNode node(SplittableRandom r, int[] n, int depth, boolean perOutage) {
    if (depth == 0 || r.nextInt(4) == 0) {
      return TracesOffPropertiesTest.leaf(r, n);
    }
    String id = "n-" + n[0]++;
    return switch (r.nextInt(8)) {
      case 0 -> new Sum(id, children(r, n, depth - 1, perOutage));
      case 1 -> new MostGenerous(id, children(r, n, depth - 1, perOutage));
      case 2 -> new FirstMatch(id, children(r, n, depth - 1, perOutage));
      case 3 -> new ExactlyOne(id, children(r, n, depth - 1, perOutage));
      case 4 -> Rules.cap(id, TracesOffPropertiesTest.limit(r),
          TracesOffPropertiesTest.pick(r, Rules.CapScope.values()),
          TracesOffPropertiesTest.pick(r, Rules.Spread.values()),
          perOutage ? Rules.Excess.DROPPED : TracesOffPropertiesTest.pick(r, Rules.Excess.values()),
          node(r, n, depth - 1, perOutage));
      case 5 -> new When(id, Conditions.downtimeAtLeast(Duration.ofMinutes(r.nextInt(0, 300))),
          node(r, n, depth - 1, perOutage),
          r.nextBoolean() ? Optional.of(node(r, n, depth - 1, perOutage)) : Optional.empty());
      case 6 -> new RequiresClaim(id, ClaimDeadline.daysAfterPeriodEnd(r.nextInt(1, 40)),
          node(r, n, depth - 1, perOutage));
      default -> new PerOutage(id, node(r, n, depth - 1, true));
    };
  }

  private static List<RuleNode> children(SplittableRandom r, int[] n, int depth, boolean perOutage) {
    List<RuleNode> children = new ArrayList<>();
    for (int i = r.nextInt(1, 4); i > 0; i--) {
      children.add(node(r, n, depth, perOutage));
    }
    return children;
  }

  /** The tree with each standard rule replaced by a user's rule that evaluates it alone. */
  static RuleNode throughOutcomes(RuleNode node) {
    return switch (node) {
      case StandardRule s -> new Alone(s);
      case CreditRule own -> own;
      case Combinator c -> switch (c) {
        case Sum s -> new Sum(s.id(), s.children().stream().map(PlanPropertiesTest::throughOutcomes).toList());
        case MostGenerous m ->
            new MostGenerous(m.id(), m.children().stream().map(PlanPropertiesTest::throughOutcomes).toList());
        case FirstMatch f ->
            new FirstMatch(f.id(), f.children().stream().map(PlanPropertiesTest::throughOutcomes).toList());
        case ExactlyOne e ->
            new ExactlyOne(e.id(), e.children().stream().map(PlanPropertiesTest::throughOutcomes).toList());
        case Cap cap -> Rules.cap(cap.id(), cap.limit(), cap.scope(), cap.spread(), cap.excess(),
            throughOutcomes(cap.child()));
        case When w -> new When(w.id(), w.condition(), throughOutcomes(w.then()),
            w.otherwise().map(PlanPropertiesTest::throughOutcomes));
        case RequiresClaim q -> new RequiresClaim(q.id(), q.deadline(), throughOutcomes(q.child()));
        case PerOutage p -> new PerOutage(p.id(), throughOutcomes(p.child()));
      };
    };
  }

  /** A standard rule as a user's rule: {@link StandardRule#evaluate}, its outcome checked as any user rule's. */
  record Alone(StandardRule rule) implements CreditRule {
    @Override
    public String id() {
      return rule.id();
    }

    @Override
    public String kind() {
      return rule.kind();
    }

    @Override
    public Outcome evaluate(RuleContext context) {
      return rule.evaluate(context);
    }
  }

  /**
   * June 2024 on the USD 20.00 account with one to three outages, a claim filed on a random day
   * after the period, and an amount carried in to some of the tree's caps.
   */
  private static RuleContext context(SplittableRandom r, RuleNode tree) {
    List<Outage> outages = new ArrayList<>();
    for (int i = r.nextInt(1, 4); i > 0; i--) {
      outages.add(RuleFixtures.outage("OUT-" + i, "2024-06-" + (10 + 5 * i) + "T00:00:00Z",
          Duration.ofMinutes(r.nextInt(1, 1500))));
    }
    RuleContext plain = RuleFixtures.context(RuleFixtures.ACCOUNT_USD_20, RuleFixtures.JUNE_2024_UTC,
        outages.toArray(Outage[]::new));
    List<CarriedCredit> carried = new ArrayList<>();
    caps(tree, "", r, carried);
    return RuleContext.builder().from(plain)
        .claim(Claim.builder().id("CLM-1")
            .filedAt(Instant.parse("2024-07-01T00:00:00Z").plus(Duration.ofDays(r.nextInt(0, 50)))).build())
        .carriedIn(carried)
        .build();
  }

  /** An amount carried in to about half the caps of the tree that are not below a per-outage node. */
  private static void caps(RuleNode node, String parent, SplittableRandom r, List<CarriedCredit> into) {
    String path = parent.isEmpty() ? node.id() : parent + "/" + node.id();
    if (node instanceof Cap && r.nextBoolean()) {
      into.add(new CarriedCredit("sub-1", "p", path, Money.ofMinor(org.joda.money.CurrencyUnit.USD,
          r.nextInt(1, 800))));
    }
    if (node instanceof Combinator c && !(node instanceof PerOutage)) {
      for (RuleNode child : c.children()) {
        caps(child, path, r, into);
      }
    }
  }
}
