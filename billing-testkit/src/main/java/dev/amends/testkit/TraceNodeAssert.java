package dev.amends.testkit;

import dev.amends.core.money.ExactMoney;
import dev.amends.core.money.Ratio;
import dev.amends.rules.TraceNode;
import dev.amends.rules.TraceValue;
import dev.amends.rules.Verdict;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;
import org.joda.money.CurrencyUnit;

/**
 * Assertions on one node of a decision's trace, usually reached by {@link
 * DecisionAssert#hasTraceNode(String, String)}; {@link #and()} goes back to the decision.
 *
 * <pre>{@code
 * assertThat(decision).hasTraceNode("sub-c1", "tiers").wasNotMet().withSummaryContaining("availability 100 %");
 * assertThat(decision).hasTraceNode("sub-1", "sla").wasCapped().withAmount("USD 20.00");
 * assertThat(decision).hasTraceNode("sub-c2", "tiers").hasValue("availability", "99.0591 %")
 *     .hasValue("percent", TraceValue.percent(new BigDecimal("10")));
 * }</pre>
 *
 * <p>A node <em>was met</em> when its condition or threshold held: any verdict but {@link
 * Verdict#NOT_MET} and {@link Verdict#SKIPPED} (so {@link Verdict#CREDITED}, {@link
 * Verdict#CAPPED}, {@link Verdict#LOST} to a more generous sibling, or {@link Verdict#ZERO}).
 * Failures show the node's subtree.
 */
public final class TraceNodeAssert extends AbstractAssert<TraceNodeAssert, TraceNode> {
  private static final Set<Verdict> MET = EnumSet.of(Verdict.CREDITED, Verdict.CAPPED, Verdict.LOST, Verdict.ZERO);

  private final DecisionAssert decision;

  /** Assertions on a trace node on its own; {@link AmendsAssertions#assertThat(TraceNode)} is the usual way in. */
  public TraceNodeAssert(TraceNode actual) {
    this(actual, null);
  }

  TraceNodeAssert(TraceNode actual, DecisionAssert decision) {
    super(actual, TraceNodeAssert.class);
    this.decision = decision;
  }

  /** Back to the decision's assertions. */
  public DecisionAssert and() {
    if (decision == null) {
      throw new IllegalStateException("this node was not reached from a decision: assertThat(decision).hasTraceNode(...)");
    }
    return decision;
  }

  /** Asserts the node's verdict. */
  public TraceNodeAssert hasVerdict(Verdict expected) {
    isNotNull();
    Texts.notNull("verdict", expected);
    if (actual.verdict() != expected) {
      failWithMessage("%s", "Expected trace node \"" + actual.path() + "\" to be " + expected + ", but it is "
          + actual.verdict() + ":\n" + Traces.render(actual, "  "));
    }
    return this;
  }

  /** Asserts that the node's condition or threshold held (credited, capped, lost or zero). */
  public TraceNodeAssert wasMet() {
    isNotNull();
    if (!MET.contains(actual.verdict())) {
      failWithMessage("%s", "Expected trace node \"" + actual.path() + "\" to be met (one of " + MET + "), but it is "
          + actual.verdict() + ":\n" + Traces.render(actual, "  "));
    }
    return this;
  }

  /** Asserts that the node's condition or threshold did not hold. */
  public TraceNodeAssert wasNotMet() {
    return hasVerdict(Verdict.NOT_MET);
  }

  /** Asserts that the node gave a credit that stood. */
  public TraceNodeAssert wasCredited() {
    return hasVerdict(Verdict.CREDITED);
  }

  /** Asserts that a cap cut the node's credits. */
  public TraceNodeAssert wasCapped() {
    return hasVerdict(Verdict.CAPPED);
  }

  /** Asserts that the node was not evaluated (an earlier sibling matched, or the other branch was taken). */
  public TraceNodeAssert wasSkipped() {
    return hasVerdict(Verdict.SKIPPED);
  }

  /** Asserts that the node's credit lost to a more generous sibling. */
  public TraceNodeAssert wasLost() {
    return hasVerdict(Verdict.LOST);
  }

  /** Asserts that the node's one-line summary contains a piece of text. */
  public TraceNodeAssert withSummaryContaining(String text) {
    isNotNull();
    Texts.notNull("text", text);
    if (!actual.summary().contains(text)) {
      failWithMessage("%s", "Expected the summary of trace node \"" + actual.path() + "\" to contain\n  \"" + text
          + "\"\nbut it is\n  \"" + actual.summary() + "\"");
    }
    return this;
  }

  /**
   * Asserts the node's unrounded amount, exactly: {@code "USD 2.00"}, or {@code "USD 0.98360655"}
   * for an amount the line rounds; the amount a losing sibling would have given, for {@link
   * Verdict#LOST}.
   */
  public TraceNodeAssert withAmount(String expected) {
    isNotNull();
    Texts.notNull("expected amount", expected);
    String[] parts = expected.strip().split("\\s+");
    ExactMoney want;
    try {
      want = ExactMoney.of(CurrencyUnit.of(parts[0]), Ratio.of(new BigDecimal(parts[1])));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw dev.amends.core.InvalidInputException.of("expected amount", "is not money such as \"USD 2.00\"", expected);
    }
    if (actual.amount().isEmpty() || !actual.amount().get().equals(want)) {
      failWithMessage("%s", "Expected trace node \"" + actual.path() + "\" to give " + expected + ", but it gives "
          + actual.amount().map(ExactMoney::toString).orElse("no amount") + ":\n" + Traces.render(actual, "  "));
    }
    return this;
  }

  /**
   * Asserts a value the node compared, by what it holds: {@code hasValue("availability",
   * TraceValue.availability(Ratio.of(44_220, 44_640)))}, {@code hasValue("blocks",
   * TraceValue.count(2))}, {@code hasValue("percent", TraceValue.percent(new BigDecimal("10")))}.
   */
  public TraceNodeAssert hasValue(String name, TraceValue expected) {
    isNotNull();
    Texts.notNull("name", name);
    Texts.notNull("expected value", expected);
    TraceValue got = actual.values().get(name);
    if (!expected.equals(got)) {
      failWithMessage("%s", "Expected trace node \"" + actual.path() + "\" to have " + name + " = " + expected.text()
          + " (" + expected + "), but " + (got == null ? "it has no value " + name : "it is " + got.text() + " (" + got
              + ")") + ". Its values: " + values());
    }
    return this;
  }

  /**
   * Asserts a value the node compared, by how it reads in an explanation: {@code
   * hasValue("availability", "99.0591 %")}, {@code hasValue("downtime", "420 min")}, {@code
   * hasValue("fee", "USD 20.00")}.
   */
  public TraceNodeAssert hasValue(String name, String expectedText) {
    isNotNull();
    Texts.notNull("name", name);
    Texts.notNull("expected text", expectedText);
    TraceValue got = actual.values().get(name);
    if (got == null || !got.text().equals(expectedText)) {
      failWithMessage("%s", "Expected trace node \"" + actual.path() + "\" to have " + name + " = " + expectedText
          + ", but " + (got == null ? "it has no value " + name : "it reads " + got.text()) + ". Its values: "
          + values());
    }
    return this;
  }

  private String values() {
    if (actual.values().isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    actual.values().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(" = ").append(v.text()));
    return sb.toString();
  }

  /** Asserts that the node gave no amount. */
  public TraceNodeAssert withNoAmount() {
    isNotNull();
    if (actual.amount().isPresent()) {
      failWithMessage("%s", "Expected trace node \"" + actual.path() + "\" to give no amount, but it gives "
          + actual.amount().get() + ":\n" + Traces.render(actual, "  "));
    }
    return this;
  }

  /** Assertions on a node below this one, by its path or a unique ending of it. */
  public TraceNodeAssert hasChild(String path) {
    isNotNull();
    Texts.notNull("path", path);
    java.util.List<TraceNode> found = new java.util.ArrayList<>();
    for (TraceNode c : actual.children()) {
      Traces.walk(c, n -> {
        if (Traces.matches(n.path(), path)) {
          found.add(n);
        }
      });
    }
    if (found.size() != 1) {
      failWithMessage("%s", "Expected one node \"" + path + "\" below trace node \"" + actual.path() + "\", but "
          + found.size() + " match:\n" + Traces.render(actual, "  "));
    }
    return new TraceNodeAssert(found.get(0), decision);
  }
}
