package dev.amends.testkit;

import dev.amends.core.InvalidInputException;
import dev.amends.core.measure.OutageBreakdown;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditLine;
import dev.amends.rules.DecisionFlag;
import dev.amends.rules.SubscriptionTrace;
import dev.amends.rules.TraceNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Assertions on a {@link CreditDecision}; start with {@link AmendsAssertions#assertThat(CreditDecision)}.
 *
 * <pre>{@code
 * assertThat(decision)
 *     .hasLine("sla/tiers").withAmount("USD 2.00").restsOn("MAINT-2007-12-01").withReasonContaining("99.0591 %")
 *     .and().hasTotal("USD 2.00").hasNoFlags().hasNoWarnings();
 * }</pre>
 *
 * <p>A line is found by its rule: {@code hasLine("sla/tiers")} takes the line whose rule path is
 * {@code sla/tiers}, or ends in {@code /sla/tiers}; {@code hasLine("tiers")} works too while only
 * one line's path ends so. When the rule gave no line, the message shows the lines there are and
 * what the trace says about the rule. Money is written {@code "USD 2.00"}, or {@code "2.00"} in
 * the decision's currency.
 */
public final class DecisionAssert extends AbstractAssert<DecisionAssert, CreditDecision> {

  /**
   * Assertions on a decision; {@link AmendsAssertions#assertThat(CreditDecision)} is the usual
   * way in. Public for AssertJ's soft-assertion proxies.
   */
  public DecisionAssert(CreditDecision actual) {
    super(actual, DecisionAssert.class);
  }

  /**
   * Asserts that exactly one line was given by the rule, and returns assertions on that line.
   *
   * @param rule the rule's path, such as {@code sla/tiers}, or a unique ending of it, such as {@code tiers}
   */
  public LineAssert hasLine(String rule) {
    return new LineAssert(findLine(null, rule), this);
  }

  /** As {@link #hasLine(String)}, among one subscription's lines. */
  public LineAssert hasLine(String subscriptionId, String rule) {
    return new LineAssert(findLine(Texts.notNull("subscriptionId", subscriptionId), rule), this);
  }

  /** Asserts that the rule gave no line (for any subscription). */
  public DecisionAssert hasNoLineFor(String rule) {
    isNotNull();
    List<CreditLine> found = matching(null, Texts.notNull("rule", rule));
    if (!found.isEmpty()) {
      failWithMessage("%s", "Expected no line for rule \"" + rule + "\" in the " + Describe.decision(actual)
          + ", but found:\n" + Describe.lines(found));
    }
    return this;
  }

  /** Asserts that the decision has no lines: nothing new is owed. */
  public DecisionAssert hasNoLines() {
    isNotNull();
    if (!actual.lines().isEmpty()) {
      failWithMessage("%s", "Expected no lines in the " + Describe.decision(actual) + ", but found "
          + actual.lines().size() + ":\n" + Describe.lines(actual.lines()));
    }
    return this;
  }

  /** Asserts the number of lines. */
  public DecisionAssert hasLineCount(int expected) {
    isNotNull();
    if (actual.lines().size() != expected) {
      failWithMessage("%s", "Expected " + expected + " line(s) in the " + Describe.decision(actual) + ", but found "
          + actual.lines().size() + ":\n" + Describe.lines(actual.lines()));
    }
    return this;
  }

  /**
   * Asserts the total in one currency ({@code "USD 42.00"}; zero when there are no lines in it).
   */
  public DecisionAssert hasTotal(String expected) {
    isNotNull();
    Money want = Texts.money("expected total", expected, accountCurrency());
    Money got = actual.total(want.getCurrencyUnit());
    if (!got.equals(want)) {
      failWithActualExpectedAndMessage(got, want, "%s", "Expected the " + Describe.decision(actual) + " to total "
          + want + ", but it totals " + got + "; its lines:\n" + Describe.lines(actual.lines()));
    }
    return this;
  }

  /**
   * Asserts the totals in every currency: exactly these, such as {@code hasTotals("USD 42.00",
   * "EUR 3.00")}; none for no arguments.
   */
  public DecisionAssert hasTotals(String... expected) {
    isNotNull();
    Texts.notNull("expected totals", expected);
    Map<CurrencyUnit, Money> want = new LinkedHashMap<>();
    for (String e : expected) {
      Money m = Texts.money("expected totals", e, accountCurrency());
      if (want.put(m.getCurrencyUnit(), m) != null) {
        throw InvalidInputException.of("expected totals", "names a currency twice", Arrays.toString(expected));
      }
    }
    if (!want.equals(actual.totals())) {
      failWithActualExpectedAndMessage(actual.totals().values(), want.values(), "%s", "Expected the "
          + Describe.decision(actual) + " to total " + want.values() + ", but it totals " + actual.totals().values()
          + "; its lines:\n" + Describe.lines(actual.lines()));
    }
    return this;
  }

  /** Asserts that the decision carries these flags (and perhaps others). */
  public DecisionAssert hasFlags(DecisionFlag... flags) {
    isNotNull();
    Set<DecisionFlag> missing = EnumSet.noneOf(DecisionFlag.class);
    missing.addAll(List.of(Texts.notNull("flags", flags)));
    missing.removeAll(actual.flags());
    if (!missing.isEmpty()) {
      failWithMessage("%s", "Expected the " + Describe.decision(actual) + " to be flagged " + missing + ", but its flags are "
          + actual.flags() + warningsText());
    }
    return this;
  }

  /** Asserts that the decision carries exactly these flags. */
  public DecisionAssert hasOnlyFlags(DecisionFlag... flags) {
    isNotNull();
    Set<DecisionFlag> want = EnumSet.noneOf(DecisionFlag.class);
    want.addAll(List.of(Texts.notNull("flags", flags)));
    if (!want.equals(actual.flags())) {
      failWithActualExpectedAndMessage(actual.flags(), want, "%s", "Expected the " + Describe.decision(actual)
          + " to be flagged exactly " + want + ", but its flags are " + actual.flags() + warningsText());
    }
    return this;
  }

  /** Asserts that the decision carries none of these flags. */
  public DecisionAssert doesNotHaveFlags(DecisionFlag... flags) {
    isNotNull();
    Set<DecisionFlag> present = EnumSet.noneOf(DecisionFlag.class);
    present.addAll(List.of(Texts.notNull("flags", flags)));
    present.retainAll(actual.flags());
    if (!present.isEmpty()) {
      failWithMessage("%s", "Expected the " + Describe.decision(actual) + " not to be flagged " + present
          + ", but it is" + warningsText());
    }
    return this;
  }

  /** Asserts that the decision carries no flags. */
  public DecisionAssert hasNoFlags() {
    isNotNull();
    if (!actual.flags().isEmpty()) {
      failWithMessage("%s", "Expected the " + Describe.decision(actual) + " to carry no flags, but it is flagged "
          + actual.flags() + warningsText());
    }
    return this;
  }

  /** Asserts that some warning contains the text. */
  public DecisionAssert hasWarningContaining(String text) {
    isNotNull();
    Texts.notNull("text", text);
    if (actual.warnings().stream().noneMatch(w -> w.contains(text))) {
      failWithMessage("%s", "Expected a warning containing \"" + text + "\" in the " + Describe.decision(actual)
          + ", but " + (actual.warnings().isEmpty() ? "it has none" : "its warnings are:" + warningsList()));
    }
    return this;
  }

  /** Asserts that the decision has no warnings. */
  public DecisionAssert hasNoWarnings() {
    isNotNull();
    if (!actual.warnings().isEmpty()) {
      failWithMessage("%s", "Expected no warnings in the " + Describe.decision(actual) + ", but found:"
          + warningsList());
    }
    return this;
  }

  /** Asserts that the text of {@link CreditDecision#explain()} contains a piece of text. */
  public DecisionAssert explanationContains(String text) {
    isNotNull();
    Texts.notNull("text", text);
    String explained = actual.explain();
    if (!explained.contains(text)) {
      failWithMessage("%s", "Expected the explanation of the " + Describe.decision(actual) + " to contain\n  \""
          + text + "\"\nbut it reads:\n" + explained);
    }
    return this;
  }

  /**
   * Asserts how much of an outage counted as downtime for a subscription, and how much was
   * excluded, under every policy that measured it: "13 h down, 7 h counted, 6 h excluded".
   *
   * @param subscriptionId the subscription
   * @param outageId the outage record
   * @param counted the time that counted
   * @param excluded the time excluded (announced maintenance, excluded causes, ...)
   */
  public DecisionAssert hasCounted(String subscriptionId, String outageId, Duration counted, Duration excluded) {
    isTraced();
    Texts.notNull("subscriptionId", subscriptionId);
    Texts.notNull("outageId", outageId);
    Texts.notNull("counted", counted);
    Texts.notNull("excluded", excluded);
    List<String> seen = new ArrayList<>();
    boolean wrong = false;
    for (SubscriptionTrace t : actual.traces()) {
      if (!t.subscriptionId().equals(subscriptionId)) {
        continue;
      }
      // a trace without a measurement (a campaign that ruled the subscription out first) measured nothing
      for (OutageBreakdown b : t.measurement().map(m -> m.breakdown()).orElse(List.of())) {
        if (b.outageId().equals(outageId)) {
          seen.add(t.policyId() + ": " + b.describe());
          wrong |= !b.counted().equals(counted) || !b.excludedTotal().equals(excluded);
        }
      }
    }
    if (seen.isEmpty() || wrong) {
      failWithMessage("%s", "Expected outage " + outageId + " to count " + Describe.duration(counted) + " and be excluded "
          + Describe.duration(excluded) + " for " + subscriptionId + " in the " + Describe.decision(actual) + ", but "
          + (seen.isEmpty() ? "no measurement of " + subscriptionId + " includes it" : "it was measured as:\n  "
              + String.join("\n  ", seen)));
    }
    return this;
  }

  /**
   * Asserts that the subscription's trace has a node at the path, under any policy, and returns
   * assertions on it.
   *
   * @param subscriptionId the subscription
   * @param path the node's path, such as {@code sla/tiers}, or a unique ending of it
   */
  public TraceNodeAssert hasTraceNode(String subscriptionId, String path) {
    return findNode(Texts.notNull("subscriptionId", subscriptionId), null, path);
  }

  /** As {@link #hasTraceNode(String, String)}, under one policy (or campaign). */
  public TraceNodeAssert hasTraceNode(String subscriptionId, String policyId, String path) {
    return findNode(Texts.notNull("subscriptionId", subscriptionId), Texts.notNull("policyId", policyId), path);
  }

  private TraceNodeAssert findNode(String subscriptionId, String policyId, String path) {
    isTraced();
    Texts.notNull("path", path);
    List<SubscriptionTrace> traces = actual.traces().stream()
        .filter(t -> t.subscriptionId().equals(subscriptionId) && (policyId == null || t.policyId().equals(policyId)))
        .toList();
    String whose = subscriptionId + (policyId == null ? "" : " under " + policyId);
    if (traces.isEmpty()) {
      failWithMessage("%s", "Expected a trace of " + whose + " in the " + Describe.decision(actual)
          + ", but there is none; traces: " + actual.traces().stream()
              .map(t -> t.subscriptionId() + " under " + t.policyId()).toList());
    }
    List<TraceNode> exact = new ArrayList<>();
    List<TraceNode> ending = new ArrayList<>();
    for (SubscriptionTrace t : traces) {
      Traces.walk(t.root(), n -> {
        if (n.path().equals(path)) {
          exact.add(n);
        } else if (Traces.matches(n.path(), path)) {
          ending.add(n);
        }
      });
    }
    List<TraceNode> found = exact.isEmpty() ? ending : exact;
    if (found.isEmpty()) {
      failWithMessage("%s", "Expected a trace node \"" + path + "\" for " + whose + " in the " + Describe.decision(actual)
          + ", but there is none. The trace:" + trees(traces));
    }
    if (found.size() > 1) {
      failWithMessage("%s", "Expected one trace node \"" + path + "\" for " + whose + " in the "
          + Describe.decision(actual) + ", but " + found.size() + " match; name the full path"
          + (policyId == null ? " or the policy" : "") + ". The trace:" + trees(traces));
    }
    return new TraceNodeAssert(found.get(0), this);
  }

  /** The trace trees, rendered for a failure message only. */
  private static String trees(List<SubscriptionTrace> traces) {
    StringBuilder trees = new StringBuilder();
    traces.forEach(t -> trees.append("\n  ").append(t.subscriptionId()).append(" under ").append(t.policyId())
        .append(":\n").append(Traces.render(t.root(), "    ")));
    return trees.toString();
  }

  /**
   * Asserts that the engine recorded the decision's trace; trace and measurement assertions need
   * it, and fail the same way when it is off ({@code CreditEngine.Builder.traces(false)}).
   */
  public DecisionAssert isTraced() {
    isNotNull();
    if (!actual.traced()) {
      failWithMessage("%s", "Expected the " + Describe.decision(actual) + " to carry its trace, but its engine was "
          + "built with traces(false): it recorded none. Decide with traces on to assert on the trace or the "
          + "measurement.");
    }
    return this;
  }

  private CurrencyUnit accountCurrency() {
    if (!actual.lines().isEmpty()) {
      return actual.lines().get(0).amount().getCurrencyUnit();
    }
    return actual.traces().stream().flatMap(t -> t.fee().stream()).findFirst().map(f -> f.fee().currency())
        .orElse(null);
  }

  private String warningsText() {
    return actual.warnings().isEmpty() ? "" : "; warnings:" + warningsList();
  }

  private String warningsList() {
    StringBuilder sb = new StringBuilder();
    actual.warnings().forEach(w -> sb.append("\n  ").append(w));
    return sb.toString();
  }

  private List<CreditLine> matching(String subscriptionId, String rule) {
    List<CreditLine> exact = new ArrayList<>();
    List<CreditLine> ending = new ArrayList<>();
    for (CreditLine l : actual.lines()) {
      if (subscriptionId != null && !l.subscriptionId().equals(subscriptionId)) {
        continue;
      }
      if (l.rulePath().equals(rule)) {
        exact.add(l);
      } else if (Traces.matches(l.rulePath(), rule)) {
        ending.add(l);
      }
    }
    return exact.isEmpty() ? ending : exact;
  }

  private CreditLine findLine(String subscriptionId, String rule) {
    isNotNull();
    Texts.notNull("rule", rule);
    List<CreditLine> found = matching(subscriptionId, rule);
    String where = subscriptionId == null ? "" : " for subscription " + subscriptionId;
    if (found.isEmpty()) {
      failWithMessage("%s", "Expected a line for rule \"" + rule + "\"" + where + " in the " + Describe.decision(actual)
          + ", but there is none.\nLines:\n" + Describe.lines(actual.lines()) + traceOf(rule));
    }
    if (found.size() > 1) {
      failWithMessage("%s", "Expected one line for rule \"" + rule + "\"" + where + " in the "
          + Describe.decision(actual) + ", but " + found.size() + " match; name the full path"
          + (subscriptionId == null ? " or the subscription: hasLine(subscriptionId, rule)" : "") + ":\n"
          + Describe.lines(found));
    }
    return found.get(0);
  }

  /** What the traces say about the rule's node(s), for a failure message. */
  private String traceOf(String rule) {
    if (!actual.traced()) {
      return "\n(The engine recorded no trace: traces(false).)";
    }
    StringBuilder sb = new StringBuilder();
    actual.traces().forEach(t -> Traces.walk(t.root(), n -> {
      if (Traces.matches(n.path(), rule)) {
        sb.append("\n  ").append(t.subscriptionId()).append(" under ").append(t.policyId()).append(": ")
            .append(Traces.line(n));
      }
    }));
    return sb.isEmpty() ? "\nThe trace has no node \"" + rule + "\"." : "\nThe trace says:" + sb;
  }
}
