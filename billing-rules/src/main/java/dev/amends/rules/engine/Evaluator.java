package dev.amends.rules.engine;

import dev.amends.core.AmendsException;
import dev.amends.rules.Condition;
import dev.amends.rules.ConditionResult;
import dev.amends.rules.RuleContext;
import dev.amends.rules.RuleEvaluationException;
import dev.amends.rules.RuleNode;
import dev.amends.rules.TraceNode;

/**
 * Evaluates a rule tree for one context: the one evaluation path, with or without traces.
 * Immutable; one instance serves every thread. {@link #INSTANCE} prepares nothing in advance
 * (it compiles each tree it is given); the engine builds one per policy with the policy's tree
 * {@link CompiledPolicy compiled} once into a plan of {@link Step}s, which evaluates into the
 * thread's {@link Acc accumulator}, reused from call to call (a fresh one for a call within a call).
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
   * @param compiled the tree's compiled plan, or {@link CompiledPolicy#EMPTY}
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

  /** The tree's compiled plan. */
  public CompiledPolicy compiled() {
    return compiled;
  }

  public static String pathOf(String parentPath, RuleNode node) {
    return parentPath.isEmpty() ? node.id() : parentPath + "/" + node.id();
  }

  /**
   * Evaluates a node whose parent sits at {@code parentPath} ("" for the root): the compiled plan
   * when it is the compiled tree's root, else the node compiled now. Whatever a node fails with
   * comes out as a {@link RuleEvaluationException} naming the path of the node that failed (such
   * as a cap whose limit has no amount in the account's currency).
   *
   * @return the lines, flags and carries of the whole tree, with its trace (null without traces)
   */
  public Evaluation evaluate(RuleNode node, String parentPath, RuleContext context) {
    Acc acc = run(node, parentPath, context);
    try {
      return acc.evaluation();
    } finally {
      acc.release();
    }
  }

  /**
   * As {@link #evaluate}, without building an {@link Evaluation}: the lines, flags, asides and
   * trace stay in the thread's {@link Acc accumulator}, which the caller reads and then {@link
   * Acc#release releases}. The engine's own path, which makes no object per line.
   */
  Acc run(RuleNode node, String parentPath, RuleContext context) {
    Step plan = compiled.plan(node, parentPath);
    Acc acc = Acc.borrow(recorder, context.account().currency());
    try {
      acc.trace = plan.run(acc, context);
    } catch (RuntimeException | Error e) {
      acc.release();
      throw e;
    }
    return acc;
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
    return check(condition, path, context);
  }

  /** See {@link #test}. */
  static ConditionResult check(Condition condition, String path, RuleContext context) {
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
}
