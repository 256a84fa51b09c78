package dev.amends.rules.engine;

import dev.amends.rules.Cap;
import dev.amends.rules.Combinator;
import dev.amends.rules.Condition;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.CreditRule;
import dev.amends.rules.ExactlyOne;
import dev.amends.rules.FirstMatch;
import dev.amends.rules.MostGenerous;
import dev.amends.rules.Outcome;
import dev.amends.rules.PerOutage;
import dev.amends.rules.StandardRule;
import dev.amends.rules.RequiresClaim;
import dev.amends.rules.RuleContext;
import dev.amends.rules.RuleEvaluationException;
import dev.amends.rules.RuleNode;
import dev.amends.rules.Sum;
import dev.amends.rules.TraceNode;
import dev.amends.rules.Verdict;
import dev.amends.rules.When;
import dev.amends.core.AmendsException;
import dev.amends.core.money.ExactMoney;
import dev.amends.rules.engine.Evaluation.PendingLine;
import java.util.List;

/**
 * Walks a rule tree for one context: the one evaluation path, with or without traces.
 * Immutable; one instance serves every thread. {@link #INSTANCE} prepares nothing in advance;
 * the engine builds one per policy with the policy's tree {@link CompiledPolicy compiled} once.
 *
 * <p>What a trace shows is handed to a {@link Recorder}, fixed when the evaluator is built: with
 * traces off ({@link Recorder#OFF}) it builds no {@link TraceNode}, no summary and no map of
 * values anywhere, and evaluations have a null {@link Evaluation#trace()}; lines, flags and
 * carries are the same either way, since the path itself is the same.
 */
public final class Evaluator {
  public static final Evaluator INSTANCE = new Evaluator(CompiledPolicy.EMPTY, true);
  /** As {@link #INSTANCE}, without traces. */
  public static final Evaluator UNTRACED = new Evaluator(CompiledPolicy.EMPTY, false);

  private final CompiledPolicy compiled;
  private final Recorder recorder;

  /**
   * An evaluator of a compiled tree.
   *
   * @param compiled the tree's compiled data, or {@link CompiledPolicy#EMPTY}
   * @param tracing whether evaluations carry a trace
   */
  public Evaluator(CompiledPolicy compiled, boolean tracing) {
    this.compiled = compiled;
    this.recorder = tracing ? Recorder.ON : Recorder.OFF;
  }

  /** Whether evaluations carry a trace. */
  public boolean tracing() {
    return recorder.on();
  }

  /** What this evaluator records of what it does. */
  Recorder recorder() {
    return recorder;
  }

  /** The tree's compiled data: tier tables, percentages and multiples as exact ratios. */
  public CompiledPolicy compiled() {
    return compiled;
  }

  public static String pathOf(String parentPath, RuleNode node) {
    return parentPath.isEmpty() ? node.id() : parentPath + "/" + node.id();
  }

  /**
   * Evaluates a node whose parent sits at {@code parentPath} ("" for the root). Whatever a node
   * fails with comes out as a {@link RuleEvaluationException} naming the path of the node that
   * failed (such as a cap whose limit has no amount in the account's currency).
   */
  public Evaluation evaluate(RuleNode node, String parentPath, RuleContext context) {
    String path = pathOf(parentPath, node);
    return switch (node) {
      case CreditRule rule -> leaf(rule, path, context);
      case Combinator c -> combinator(c, path, context);
    };
  }

  private Evaluation combinator(Combinator c, String path, RuleContext context) {
    try {
      return switch (c) {
        case Sum s -> Combinators.sum(s, this, path, context);
        case MostGenerous m -> Combinators.mostGenerous(m, this, path, context);
        case FirstMatch f -> Combinators.firstMatch(f, this, path, context);
        case ExactlyOne e -> Combinators.exactlyOne(e, this, path, context);
        case Cap cap -> Combinators.cap(cap, this, path, context);
        case When w -> Combinators.when(w, this, path, context);
        case RequiresClaim r -> Combinators.requiresClaim(r, this, path, context);
        case PerOutage p -> Combinators.perOutage(p, this, path, context);
      };
    } catch (RuleEvaluationException e) {
      throw e;
    } catch (AmendsException e) {
      throw new RuleEvaluationException(path, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new RuleEvaluationException(path, "failed: " + e, e);
    }
  }

  /** The trace of a node that was not evaluated; null without traces. */
  public TraceNode skipped(RuleNode node, String parentPath, String why) {
    return recorder.skipped(node, parentPath, why);
  }

  /**
   * Tests a condition for the node at {@code path}: a condition that throws or returns null
   * becomes a {@link RuleEvaluationException} naming the path, as a failing rule does.
   */
  public ConditionResult test(Condition condition, String path, RuleContext context) {
    ConditionResult r;
    try {
      r = condition.test(context);
    } catch (RuleEvaluationException e) {
      throw e;
    } catch (AmendsException e) {
      throw new RuleEvaluationException(path, "condition " + describe(condition) + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new RuleEvaluationException(path, "condition " + describe(condition) + " failed: " + e, e);
    } catch (StackOverflowError e) {
      throw new RuleEvaluationException(path, "condition " + conditionClass(condition) + " failed: " + STACK_OVERFLOW, e);
    }
    if (r == null) {
      throw new RuleEvaluationException(path,
          "condition " + describe(condition) + " returned null instead of a ConditionResult", null);
    }
    return r;
  }

  /** What a rule or condition that overflowed the stack is said to have done. */
  public static final String STACK_OVERFLOW = "java.lang.StackOverflowError (it recursed too deeply)";

  /** A condition's class only: its text may be what overflowed. */
  private static String conditionClass(Condition condition) {
    return condition.getClass().getName();
  }

  private static String describe(Condition condition) {
    try {
      return String.valueOf(condition.canonical());
    } catch (RuntimeException e) {
      return condition.getClass().getName();
    }
  }

  private Evaluation leaf(CreditRule rule, String path, RuleContext context) {
    Outcome outcome;
    try {
      outcome = switch (rule) {
        case StandardRule standard -> StandardRules.evaluate(standard, context, compiled);
        case CreditRule own -> own.evaluate(context);
      };
    } catch (AmendsException e) {
      throw new RuleEvaluationException(path, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new RuleEvaluationException(path, "failed: " + e, e);
    } catch (StackOverflowError e) {
      // A user rule that recurses without end: the stack is unwound by now, so name the rule.
      throw new RuleEvaluationException(path, "failed: " + STACK_OVERFLOW, e);
    }
    if (outcome == null) {
      throw new RuleEvaluationException(path, "returned null instead of an Outcome", null);
    }
    if (!outcome.isCredit()) {
      return new Evaluation(recorder.leaf(path, rule.kind(), Verdict.NOT_MET, outcome), List.of(), outcome.flags());
    }
    ExactMoney amount = outcome.amount().orElseThrow();
    if (!amount.currency().equals(context.account().currency())) {
      throw new RuleEvaluationException(path,
          "gave a credit in " + amount.currency() + " to an account billed in " + context.account().currency(), null);
    }
    PendingLine line = new PendingLine(
        path, amount, outcome.days().orElse(null), outcome.reason(), outcome.outageIds(), List.of());
    Verdict verdict = line.isPositive() ? Verdict.CREDITED : Verdict.ZERO;
    return new Evaluation(recorder.leaf(path, rule.kind(), verdict, outcome),
        line.isPositive() ? List.of(line) : List.of(), outcome.flags());
  }
}
