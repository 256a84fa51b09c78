package dev.amends.rules.engine;

import dev.amends.core.AmendsException;
import dev.amends.core.measure.Contribution;
import dev.amends.core.measure.Measurement;
import dev.amends.core.measure.OutageBreakdown;
import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.core.outage.Outage;
import dev.amends.rules.Cap;
import dev.amends.rules.ClaimDeadline;
import dev.amends.rules.Combinator;
import dev.amends.rules.Condition;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.CreditRule;
import dev.amends.rules.ExactlyOne;
import dev.amends.rules.FirstMatch;
import dev.amends.rules.MostGenerous;
import dev.amends.rules.Outcome;
import dev.amends.rules.PerOutage;
import dev.amends.rules.RequiresClaim;
import dev.amends.rules.RuleContext;
import dev.amends.rules.RuleEvaluationException;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Rules;
import dev.amends.rules.StandardRule;
import dev.amends.rules.Sum;
import dev.amends.rules.TraceNode;
import dev.amends.rules.Verdict;
import dev.amends.rules.When;
import dev.amends.rules.engine.Evaluation.Carry;
import dev.amends.rules.internal.Texts;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joda.money.Money;

/**
 * One node of a compiled plan: a small final class per kind (a standard leaf, a user's rule,
 * each combinator), holding what it needs converted once (its full path, its compiled leaf or
 * cap limit, its children as an array), and evaluating itself into an {@link Acc} with no
 * object per node: lines are appended to the accumulator, a combinator that needs a child's
 * result reads the child's lines from a mark, and a losing child's lines are truncated away.
 * Each step returns its trace, or null when the {@link Recorder} records none. Immutable;
 * one plan serves every thread.
 *
 * <p>Below a {@link PerOutage per-outage} node a path depends on the outage: a step there holds
 * the part of its path after the per-outage node's {@code p[OUT-1]} ({@link #relative}), and
 * {@link #path(Acc)} prefixes it with the accumulator's current outage path when it is read.
 *
 * <p>Whatever a node fails with comes out as a {@link RuleEvaluationException} naming the path
 * of the node that failed.
 */
abstract sealed class Step {
  final RuleNode node;
  private final String path; // the full path, or the part after the outage prefix when relative
  private final boolean relative;

  private Step(RuleNode node, String path, boolean relative) {
    this.node = node;
    this.path = path;
    this.relative = relative;
  }

  /** The node's path, for the outage being evaluated under a per-outage node if it is below one. */
  final String path(Acc acc) {
    return relative ? acc.prefix.concat(path) : path;
  }

  /** Evaluates the node into {@code acc}; returns its trace, or null without traces. */
  abstract TraceNode run(Acc acc, RuleContext context);

  /**
   * Compiles a tree whose parent sits at {@code parentPath} ("" for the root), by an exhaustive
   * {@code switch}: a new kind of node does not compile until it is given a step.
   */
  static Step compile(RuleNode root, String parentPath) {
    return compile(root, parentPath, false);
  }

  private static Step compile(RuleNode node, String base, boolean relative) {
    String p = relative || !base.isEmpty() ? base + "/" + node.id() : node.id();
    return switch (node) {
      case StandardRule s -> new Standard(s, p, relative, StandardRules.compile(s));
      case CreditRule own -> new Own(own, p, relative);
      case Combinator c -> switch (c) {
        case Sum s -> new Summed(s, p, relative, children(s.children(), p, relative));
        case MostGenerous m -> new Generous(m, p, relative, children(m.children(), p, relative));
        case FirstMatch f -> new OneMatch(f, p, relative, children(f.children(), p, relative), false);
        case ExactlyOne e -> new OneMatch(e, p, relative, children(e.children(), p, relative), true);
        case Cap cap -> new Capped(cap, p, relative, compile(cap.child(), p, relative));
        case When w -> new Conditional(w, p, relative, compile(w.then(), p, relative),
            w.otherwise().isPresent() ? compile(w.otherwise().get(), p, relative) : null);
        case RequiresClaim r -> new Claimed(r, p, relative, compile(r.child(), p, relative));
        // below it, paths start at the outage being evaluated
        case PerOutage o -> new EachOutage(o, p, relative, compile(o.child(), "", true));
      };
    };
  }

  /** Gathers the compiled standard leaves of a plan, by their rules. */
  static void leaves(Step root, Map<StandardRule, StandardRules.Leaf> into) {
    java.util.ArrayDeque<Step> steps = new java.util.ArrayDeque<>();
    steps.push(root);
    while (!steps.isEmpty()) {
      Step s = steps.pop();
      switch (s) {
        case Standard l -> into.put((StandardRule) l.node, l.leaf);
        case Own o -> { }
        case Summed x -> push(steps, x.children);
        case Generous x -> push(steps, x.children);
        case OneMatch x -> push(steps, x.children);
        case Capped x -> steps.push(x.child);
        case Conditional x -> {
          steps.push(x.then);
          if (x.otherwise != null) {
            steps.push(x.otherwise);
          }
        }
        case Claimed x -> steps.push(x.child);
        case EachOutage x -> steps.push(x.child);
      }
    }
  }

  private static void push(java.util.ArrayDeque<Step> steps, Step[] children) {
    for (Step c : children) {
      steps.push(c);
    }
  }

  private static Step[] children(List<RuleNode> nodes, String base, boolean relative) {
    Step[] steps = new Step[nodes.size()];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = compile(nodes.get(i), base, relative);
    }
    return steps;
  }

  /** What a combinator fails with, as an error naming its path (an error naming a node below passes as it is). */
  final RuntimeException failed(Acc acc, RuntimeException e) {
    if (e instanceof RuleEvaluationException r) {
      return r;
    }
    if (e instanceof AmendsException) {
      return new RuleEvaluationException(path(acc), e.getMessage(), e);
    }
    return new RuleEvaluationException(path(acc), "failed: " + e, e);
  }

  /** What a leaf fails with, as an error naming its path. */
  final RuleEvaluationException leafFailed(Acc acc, Throwable e) {
    if (e instanceof AmendsException) {
      return new RuleEvaluationException(path(acc), e.getMessage(), e);
    }
    if (e instanceof StackOverflowError) {
      // A user rule that recurses without end: the stack is unwound by now, so name the rule.
      return new RuleEvaluationException(path(acc), "failed: " + Evaluator.STACK_OVERFLOW, e);
    }
    return new RuleEvaluationException(path(acc), "failed: " + e, e);
  }

  /**
   * Hands a leaf's outcome to the evaluation: checked (not null, in the account's currency), its
   * flags raised, its line added if positive; returns its trace.
   */
  static TraceNode outcome(Step leaf, Acc acc, RuleContext context, Outcome outcome) {
    if (outcome == null) {
      throw new RuleEvaluationException(leaf.path(acc), "returned null instead of an Outcome", null);
    }
    if (!outcome.isCredit()) {
      acc.flags(outcome.flags());
      return acc.rec.leaf(leaf, acc, Verdict.NOT_MET, outcome);
    }
    ExactMoney amount = outcome.amount().orElseThrow();
    checkCurrency(leaf, acc, context, amount);
    acc.flags(outcome.flags());
    Ratio days = outcome.days().orElse(null);
    boolean positive = Acc.positive(amount, days);
    if (positive) {
      acc.add(leaf.path(acc), amount, days, outcome.reason(), outcome.outageIds());
    }
    return acc.rec.leaf(leaf, acc, positive ? Verdict.CREDITED : Verdict.ZERO, outcome);
  }

  /** Refuses a leaf's credit in another currency than the account's, naming the leaf's path. */
  static void checkCurrency(Step leaf, Acc acc, RuleContext context, ExactMoney amount) {
    if (!amount.currency().equals(context.account().currency())) {
      throw new RuleEvaluationException(leaf.path(acc),
          "gave a credit in " + amount.currency() + " to an account billed in " + context.account().currency(), null);
    }
  }

  /** A standard rule: its kind's meaning, compiled, writing into the lines (or an outcome, with traces). */
  static final class Standard extends Step {
    private final StandardRules.Leaf leaf;

    Standard(StandardRule rule, String path, boolean relative, StandardRules.Leaf leaf) {
      super(rule, path, relative);
      this.leaf = leaf;
    }

    @Override
    TraceNode run(Acc acc, RuleContext context) {
      LeafOut out = acc.rec.leafOut(acc);
      try {
        leaf.write(context, out);
      } catch (RuntimeException | StackOverflowError e) {
        throw leafFailed(acc, e);
      }
      return out.finish(this, acc, context);
    }
  }

  /** A user's own rule, called through {@link CreditRule#evaluate} and its outcome checked. */
  static final class Own extends Step {
    private final CreditRule rule;

    Own(CreditRule rule, String path, boolean relative) {
      super(rule, path, relative);
      this.rule = rule;
    }

    @Override
    TraceNode run(Acc acc, RuleContext context) {
      Outcome outcome;
      try {
        outcome = rule.evaluate(context);
      } catch (RuntimeException | StackOverflowError e) {
        throw leafFailed(acc, e);
      }
      return outcome(this, acc, context, outcome);
    }
  }

  /** {@link Sum}: every child's lines. */
  static final class Summed extends Step {
    private final Step[] children;

    Summed(Sum node, String path, boolean relative, Step[] children) {
      super(node, path, relative);
      this.children = children;
    }

    @Override
    TraceNode run(Acc acc, RuleContext context) {
      try {
        Recorder rec = acc.rec;
        List<TraceNode> traces = rec.list();
        int mark = acc.size();
        for (Step child : children) {
          rec.add(traces, child.run(acc, context));
        }
        return rec.sum(this, acc, mark, traces);
      } catch (RuntimeException e) {
        throw failed(acc, e);
      }
    }
  }

  /**
   * {@link MostGenerous}: the lines and carries of the child whose lines are worth most (the
   * first of equals); the winner so far keeps its lines at the mark, and a child that does not
   * beat it is truncated away. Flags: the winner's, with any other child's ambiguous boundary;
   * every child's when none gave a credit.
   */
  static final class Generous extends Step {
    private final Step[] children;

    Generous(MostGenerous node, String path, boolean relative, Step[] children) {
      super(node, path, relative);
      this.children = children;
    }

    @Override
    TraceNode run(Acc acc, RuleContext context) {
      try {
        Recorder rec = acc.rec;
        List<TraceNode> traces = rec.list();
        List<ExactMoney> totals = rec.list(); // a matched child's total, else null
        int mark = acc.size();
        int asidesMark = acc.asidesSize();
        int before = acc.flags;
        int all = 0;
        int winnerFlags = 0;
        int winner = -1;
        ExactMoney best = null;
        for (int i = 0; i < children.length; i++) {
          int start = acc.size();
          int asidesStart = acc.asidesSize();
          acc.flags = 0;
          TraceNode trace = children[i].run(acc, context);
          int flags = acc.flags;
          all |= flags;
          ExactMoney total = null;
          if (acc.matched(start)) {
            total = acc.total(start);
          }
          if (total != null && (best == null || total.compareTo(best) > 0)) {
            best = total;
            winner = i;
            winnerFlags = flags;
            acc.moveDown(start, mark);
            acc.moveAsidesDown(asidesStart, asidesMark);
          } else {
            acc.truncate(start);
            acc.truncateAsides(asidesStart);
          }
          rec.add(traces, trace);
          rec.add(totals, total);
        }
        // a person should still look at an unmapped boundary, whichever child won
        acc.flags = before | (winner < 0 ? all : winnerFlags | (all & Acc.AMBIGUOUS));
        if (winner < 0) {
          return rec.noCredit(this, acc, traces);
        }
        return rec.mostGenerous(this, acc, winner, children[winner].node.id(), best, traces, totals);
      } catch (RuntimeException e) {
        throw failed(acc, e);
      }
    }
  }

  /**
   * {@link FirstMatch} and {@link ExactlyOne}: the lines of the one child that gave a credit.
   * With {@code exactlyOne} every child is evaluated and a second match is an error; without, the
   * children after the first match are skipped (not evaluated). One class for both: they differ
   * in that one test.
   */
  static final class OneMatch extends Step {
    private final Step[] children;
    private final boolean exactlyOne;
    private final String prefix;

    OneMatch(Combinator node, String path, boolean relative, Step[] children, boolean exactlyOne) {
      super(node, path, relative);
      this.children = children;
      this.exactlyOne = exactlyOne;
      this.prefix = exactlyOne ? "the one match: " : "first match: ";
    }

    @Override
    TraceNode run(Acc acc, RuleContext context) {
      try {
        Recorder rec = acc.rec;
        List<TraceNode> traces = rec.list();
        Step match = null;
        TraceNode matchTrace = null;
        for (Step child : children) {
          if (match != null && !exactlyOne) {
            rec.add(traces, rec.skippedAfterMatch(child, acc, match.node.id())); // not evaluated
            continue;
          }
          int start = acc.size();
          int asidesStart = acc.asidesSize();
          TraceNode trace = child.run(acc, context);
          rec.add(traces, trace);
          if (acc.matched(start)) {
            if (match != null) {
              throw new RuleEvaluationException(path(acc), "expects exactly one match but both "
                  + match.path(acc) + " and " + child.path(acc) + " gave a credit", null);
            }
            match = child;
            matchTrace = trace;
          } else {
            acc.truncate(start); // lines (none positive) and carries of a child that did not match
            acc.truncateAsides(asidesStart);
          }
        }
        if (match == null) {
          return rec.noCredit(this, acc, traces);
        }
        return rec.matched(this, acc, prefix, match.node.id(), matchTrace, traces);
      } catch (RuntimeException e) {
        throw failed(acc, e);
      }
    }
  }

  /**
   * {@link Cap}: its child's lines, with any amount carried in, within the limit (per incident
   * or as a whole), each line marked with its cap group; cut pro rata or in order when over.
   * Lines stay in the order written; a line cut to nothing is dropped. A cap that cut and dropped
   * every line (its limit is nothing at run time) leaves one warning naming it and its limit.
   */
  static final class Capped extends Step {
    private final Cap cap;
    private final Step child;
    private final Ratio limitPercent; // a percentage limit as a fraction, else null
    private final Ratio limitDays; // a limit in days, else null
    private final boolean perIncident;
    private final String wholeGroup; // the one group of a cap as a whole, when its path is fixed; else null

    Capped(Cap cap, String path, boolean relative, Step child) {
      super(cap, path, relative);
      this.cap = cap;
      this.child = child;
      this.limitPercent = CapLimits.percentOf(cap.limit());
      this.limitDays = CapLimits.days(cap.limit());
      this.perIncident = cap.scope() == Rules.CapScope.PER_INCIDENT;
      this.wholeGroup = relative ? null : path + "#";
    }

    @Override
    TraceNode run(Acc acc, RuleContext context) {
      try {
        Recorder rec = acc.rec;
        int mark = acc.size();
        TraceNode childTrace = child.run(acc, context);
        String path = path(acc);
        if (!context.carriedIn().isEmpty()) {
          Optional<Money> carriedIn = context.carriedIn(path);
          if (carriedIn.isPresent() && carriedIn.get().isPositive()) {
            acc.add(path + "/" + Cap.CARRIED_IN, ExactMoney.of(carriedIn.get()), null,
                "carried forward from an earlier period: " + carriedIn.get(), List.of());
          }
        }
        if (!acc.matched(mark)) {
          acc.truncate(mark);
          return rec.nothingToCap(this, acc, childTrace);
        }
        ExactMoney limitMoney = CapLimits.money(cap.limit(), context, limitPercent);
        Acc.CapTally tally = acc.capTally(rec.list());
        int end = acc.size();
        if (!perIncident) {
          int n = end - mark;
          int[] lines = acc.indices(n);
          for (int i = 0; i < n; i++) {
            lines[i] = mark + i;
          }
          group(acc, context, path, List.of(), lines, n, limitMoney, tally);
        } else {
          // By the list of outage ids itself, so ids holding a comma cannot merge two incidents.
          Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
          for (int i = mark; i < end; i++) {
            groups.computeIfAbsent(acc.outageIds(i), k -> new ArrayList<>()).add(i);
          }
          for (Map.Entry<List<String>, List<Integer>> g : groups.entrySet()) {
            int[] lines = g.getValue().stream().mapToInt(Integer::intValue).toArray();
            group(acc, context, path, g.getKey(), lines, lines.length, limitMoney, tally);
          }
        }
        acc.compact(mark);
        if (tally.cuts > 0) {
          acc.flags |= Acc.CAP_REACHED;
          if (cap.excess() == Rules.Excess.CARRIED_FORWARD) {
            acc.carry(new Carry(path, tally.cut));
          }
          if (tally.kept == 0) {
            // a limit of nothing at run time (such as a share of a next invoice of 0.00): say
            // so once for the cap, in either spread, rather than once per line or not at all
            acc.warn("cap " + path + " for " + context.subscription().id() + " cut " + Texts.money(tally.before)
                + " to " + Texts.money(tally.after) + " (limit " + CapLimits.describe(cap.limit(), context) + "); no line"
                + (cap.excess() == Rules.Excess.CARRIED_FORWARD ? ", " + Texts.money(tally.cut) + " carried forward"
                    : ""));
          }
        }
        return rec.cap(this, cap, acc, context, tally.before, tally.after, tally.cut, tally.notes, childTrace);
      } catch (RuntimeException e) {
        throw failed(acc, e);
      }
    }

    /** Caps one group of lines (by index into {@code acc}), in place; a line cut to nothing is {@link Acc#drop dropped}. */
    private void group(Acc acc, RuleContext context, String path, List<String> key, int[] lines, int n,
        ExactMoney limitMoney, Acc.CapTally tally) {
      ExactMoney sum = acc.zero;
      Ratio days = Ratio.ZERO;
      for (int k = 0; k < n; k++) {
        sum = sum.plus(acc.amount(lines[k])); // adding to zero makes no new sum
        Ratio d = acc.days(lines[k]);
        if (limitDays != null && d != null) {
          days = days.plus(d);
        }
      }
      tally.before = tally.before.plus(sum);
      Ratio factor = Ratio.ONE;
      if (sum.compareTo(limitMoney) > 0) {
        factor = limitMoney.amount().dividedBy(sum.amount());
      }
      if (limitDays != null && days.compareTo(limitDays) > 0) {
        factor = factor.min(limitDays.dividedBy(days));
      }
      // Outage ids cannot hold control characters, so U+001F separates them unambiguously.
      String group = key.isEmpty() ? (wholeGroup != null ? wholeGroup : path + "#")
          : path + "#" + String.join("\u001f", key);
      if (factor.equals(Ratio.ONE)) {
        tally.after = tally.after.plus(sum);
        tally.kept += n;
        for (int k = 0; k < n; k++) {
          acc.withCap(lines[k], group, limitMoney, false);
        }
        return;
      }
      String incident = String.join(",", key);
      ExactMoney capped;
      String note;
      if (cap.spread() == Rules.Spread.PRO_RATA) {
        capped = sum.multipliedBy(factor);
        note = note(context, sum, capped, incident);
        boolean toNothing = factor.signum() == 0; // cut to nothing: dropped, as in order
        for (int k = 0; k < n; k++) {
          if (toNothing) {
            acc.drop(lines[k]);
          } else {
            acc.scale(lines[k], factor, note);
            acc.withCap(lines[k], group, limitMoney, true);
          }
        }
        tally.kept += toNothing ? 0 : n;
      } else {
        Ratio[] shares = inOrderShares(acc, lines, n, limitMoney.amount(), limitDays);
        capped = acc.zero;
        for (int k = 0; k < n; k++) {
          capped = capped.plus(acc.amount(lines[k]).multipliedBy(shares[k]));
        }
        note = note(context, sum, capped, incident);
        for (int k = 0; k < n; k++) {
          if (!shares[k].equals(Ratio.ONE)) {
            acc.scale(lines[k], shares[k], note);
          }
          if (acc.isPositive(lines[k])) {
            acc.withCap(lines[k], group, limitMoney, true);
            tally.kept++;
          } else {
            acc.drop(lines[k]);
          }
        }
      }
      tally.after = tally.after.plus(capped);
      tally.cut = tally.cut.plus(sum.minus(capped));
      tally.cuts++;
      acc.rec.add(tally.notes, note);
    }

    private String note(RuleContext context, ExactMoney sum, ExactMoney capped, String incident) {
      return "capped from " + Texts.money(sum) + " to " + Texts.money(capped) + " (limit "
          + CapLimits.describe(cap.limit(), context) + (incident.isEmpty() ? "" : ", incident " + incident) + ")";
    }

    /**
     * The share of each line of a group that it keeps, in order: the largest share of its amount
     * and its days that fits in what the money limit and the day limit (if any) leave.
     */
    private static Ratio[] inOrderShares(Acc acc, int[] lines, int n, Ratio moneyLimit, Ratio dayLimit) {
      Ratio[] shares = new Ratio[n];
      Ratio moneyLeft = moneyLimit;
      Ratio daysLeft = dayLimit;
      for (int k = 0; k < n; k++) {
        Ratio days = acc.days(lines[k]);
        Ratio share = Ratio.ONE;
        Ratio amount = acc.amount(lines[k]).amount();
        if (amount.signum() > 0) {
          share = share.min(moneyLeft.max(Ratio.ZERO).dividedBy(amount));
        }
        if (daysLeft != null && days != null && days.signum() > 0) {
          share = share.min(daysLeft.max(Ratio.ZERO).dividedBy(days));
        }
        shares[k] = share;
        moneyLeft = moneyLeft.minus(amount.multipliedBy(share));
        if (daysLeft != null && days != null) {
          daysLeft = daysLeft.minus(days.multipliedBy(share));
        }
      }
      return shares;
    }
  }

  /** {@link When}: the branch its condition chooses; the other is skipped. */
  static final class Conditional extends Step {
    private final Condition condition;
    private final Step then;
    private final Step otherwise; // or null

    Conditional(When node, String path, boolean relative, Step then, Step otherwise) {
      super(node, path, relative);
      this.condition = node.condition();
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    TraceNode run(Acc acc, RuleContext context) {
      try {
        Recorder rec = acc.rec;
        ConditionResult r = rec.condition(condition, this, acc, context);
        boolean met = r.met();
        List<TraceNode> traces = rec.list();
        int mark = acc.size();
        TraceNode taken;
        if (met) {
          taken = then.run(acc, context);
          rec.add(traces, taken);
          if (otherwise != null) {
            rec.add(traces, rec.skipped(otherwise, acc, "skipped: condition met"));
          }
        } else {
          rec.add(traces, rec.skipped(then, acc, "skipped: condition not met"));
          if (otherwise == null) {
            return rec.whenNotMet(this, acc, r, traces);
          }
          taken = otherwise.run(acc, context);
          rec.add(traces, taken);
        }
        return rec.when(this, acc, mark, met, r, taken, traces);
      } catch (RuntimeException e) {
        throw failed(acc, e);
      }
    }
  }

  /** {@link RequiresClaim}: its child, if a claim covering the subscription was filed in time. */
  static final class Claimed extends Step {
    private final ClaimDeadline deadline;
    private final Step child;

    Claimed(RequiresClaim node, String path, boolean relative, Step child) {
      super(node, path, relative);
      this.deadline = node.deadline();
      this.child = child;
    }

    /** The child, skipped without a claim. */
    Step child() {
      return child;
    }

    @Override
    TraceNode run(Acc acc, RuleContext context) {
      try {
        Recorder rec = acc.rec;
        ConditionResult r = Definitions.access().claimInTime(deadline, context);
        if (!r.met()) {
          return rec.noClaim(this, acc, r);
        }
        int mark = acc.size();
        TraceNode trace = child.run(acc, context);
        return rec.claimed(this, acc, mark, r, trace);
      } catch (RuntimeException e) {
        throw failed(acc, e);
      }
    }
  }

  /**
   * {@link PerOutage}: the child once per outage that counted downtime, in the measurement's
   * order (by start), on a context that sees that outage alone; each line rests on that outage,
   * and its path holds the outage id in brackets after this node's path ({@code p[OUT-1]/…}),
   * so that keys differ per outage. The prefix is built once per outage.
   */
  static final class EachOutage extends Step {
    private final Step child;

    EachOutage(PerOutage node, String path, boolean relative, Step child) {
      super(node, path, relative);
      this.child = child;
    }

    @Override
    TraceNode run(Acc acc, RuleContext context) {
      try {
        Recorder rec = acc.rec;
        List<TraceNode> traces = rec.list();
        int mark = acc.size();
        String path = path(acc);
        String outer = acc.prefix;
        for (Contribution c : Facts.figures(context).contributions()) {
          if (c.counted().isEmpty()) {
            continue;
          }
          RuleContext one = oneOutage(context, c);
          String outagePath = path + "[" + c.outageId() + "]";
          int start = acc.size();
          TraceNode trace;
          acc.prefix = outagePath;
          try {
            trace = child.run(acc, one);
          } finally {
            acc.prefix = outer;
          }
          List<String> ids = List.of(c.outageId());
          for (int i = start; i < acc.size(); i++) {
            if (!acc.outageIds(i).equals(ids)) {
              acc.outages(i, ids);
            }
          }
          rec.add(traces, rec.outage(outagePath, c.outageId(), one.measurement(), acc, start, trace));
        }
        return rec.perOutage(this, acc, mark, traces);
      } catch (RuntimeException e) {
        throw failed(acc, e);
      }
    }

    /**
     * The context restricted to one outage: its counted downtime (weighted by its share of users
     * when the measurement weights it), the availability that leaves over the same denominator,
     * its contribution, its breakdown and exclusions, and the outage record itself.
     */
    static RuleContext oneOutage(RuleContext context, Contribution c) {
      Measurement m = context.measurement();
      String id = c.outageId();
      Duration downtime = c.counted().totalLength();
      List<OutageBreakdown> breakdown = m.breakdown().stream().filter(b -> b.outageId().equals(id)).toList();
      for (OutageBreakdown b : breakdown) {
        if (b.weighted() && !b.share().equals(Ratio.ONE)) {
          downtime = Duration.ofNanos(Ratio.of(downtime, Duration.ofNanos(1)).multipliedBy(b.share())
              .toBigDecimal(0, RoundingMode.HALF_UP).longValueExact());
        }
      }
      Duration denominator = m.denominator();
      if (downtime.compareTo(denominator) > 0) {
        downtime = denominator;
      }
      Ratio availability = denominator.isZero() ? Ratio.ONE : Ratio.of(downtime, denominator).complement();
      Measurement restricted = Measurement.builder().from(m)
          .counted(c.counted())
          .downtime(downtime)
          .availability(availability)
          .exclusions(m.exclusions().stream().filter(x -> x.outageIds().contains(id)).toList())
          .contributions(List.of(c))
          .outageIds(List.of(id))
          .notes(List.of())
          .breakdown(breakdown)
          .build();
      List<Outage> outages = context.outages().stream().filter(o -> o.id().equals(id)).toList();
      return RuleContext.builder().from(context).measurement(restricted).outages(outages).build();
    }
  }
}
