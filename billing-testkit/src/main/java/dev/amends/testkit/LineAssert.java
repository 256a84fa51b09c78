package dev.amends.testkit;

import dev.amends.core.money.Ratio;
import dev.amends.rules.CreditLine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;
import org.joda.money.Money;

/**
 * Assertions on one {@link CreditLine}, usually reached by {@link DecisionAssert#hasLine(String)};
 * {@link #and()} goes back to the decision.
 *
 * <pre>{@code
 * assertThat(decision).hasLine("sla/tiers")
 *     .withAmount("USD 2.00").restsOn("MAINT-2007-12-01").withReasonContaining("< 99.9 %");
 * }</pre>
 */
public final class LineAssert extends AbstractAssert<LineAssert, CreditLine> {
  private final DecisionAssert decision;

  /** Assertions on a line on its own; {@link AmendsAssertions#assertThat(CreditLine)} is the usual way in. */
  public LineAssert(CreditLine actual) {
    this(actual, null);
  }

  LineAssert(CreditLine actual, DecisionAssert decision) {
    super(actual, LineAssert.class);
    this.decision = decision;
  }

  /** Back to the decision's assertions. */
  public DecisionAssert and() {
    if (decision == null) {
      throw new IllegalStateException("this line was not reached from a decision: assertThat(decision).hasLine(...)");
    }
    return decision;
  }

  /** Asserts the amount: {@code "USD 2.00"}, or {@code "2.00"} in the line's currency. */
  public LineAssert withAmount(String expected) {
    isNotNull();
    return withAmount(Texts.money("expected amount", expected, actual.amount().getCurrencyUnit()));
  }

  /** Asserts the amount. */
  public LineAssert withAmount(Money expected) {
    isNotNull();
    Texts.notNull("expected amount", expected);
    if (!actual.amount().equals(expected)) {
      failWithActualExpectedAndMessage(actual.amount(), expected, "%s", "Expected the line for rule \""
          + actual.rulePath() + "\" to be " + expected + ", but it is " + actual.amount() + ":\n  "
          + Describe.line(actual));
    }
    return this;
  }

  /** Asserts that the line rests on exactly these outages, in any order. */
  public LineAssert restsOn(String... outageIds) {
    isNotNull();
    Set<String> want = new TreeSet<>(List.of(Texts.notNull("outageIds", outageIds)));
    Set<String> got = new TreeSet<>(actual.outageIds());
    if (!want.equals(got)) {
      failWithActualExpectedAndMessage(got, want, "%s", "Expected the line for rule \"" + actual.rulePath()
          + "\" to rest on outages " + want + ", but it rests on " + got + ":\n  " + Describe.line(actual));
    }
    return this;
  }

  /** Asserts that the line rests on no outage (a flat or goodwill credit, say). */
  public LineAssert restsOnNoOutage() {
    return restsOn();
  }

  /** Asserts that the line's one-line reason contains a piece of text. */
  public LineAssert withReasonContaining(String text) {
    isNotNull();
    Texts.notNull("text", text);
    if (!actual.reason().contains(text)) {
      failWithMessage("%s", "Expected the reason of the line for rule \"" + actual.rulePath() + "\" to contain\n  \""
          + text + "\"\nbut it is\n  \"" + actual.reason() + "\"");
    }
    return this;
  }

  /** Asserts the line's kind: a credit, a top-up or a clawback. */
  public LineAssert ofKind(CreditLine.Kind kind) {
    isNotNull();
    Texts.notNull("kind", kind);
    if (actual.kind() != kind) {
      failWithMessage("%s", "Expected the line for rule \"" + actual.rulePath() + "\" to be a " + kind + ", but it is a "
          + actual.kind() + ":\n  " + Describe.line(actual));
    }
    return this;
  }

  /** Asserts the subscription the line is for. */
  public LineAssert forSubscription(String subscriptionId) {
    isNotNull();
    Texts.notNull("subscriptionId", subscriptionId);
    if (!actual.subscriptionId().equals(subscriptionId)) {
      failWithMessage("%s", "Expected the line for rule \"" + actual.rulePath() + "\" to be for subscription "
          + subscriptionId + ", but it is for " + actual.subscriptionId());
    }
    return this;
  }

  /** Asserts the days of service the line carries, such as {@code "3"} or {@code "1.5"}. */
  public LineAssert withDays(String expected) {
    isNotNull();
    Ratio want = Ratio.of(Texts.decimal("expected days", expected));
    Optional<Ratio> got = actual.days();
    if (got.isEmpty() || !got.get().equals(want)) {
      failWithMessage("%s", "Expected the line for rule \"" + actual.rulePath() + "\" to carry " + expected
          + " days of service, but it carries " + got.map(Ratio::toString).orElse("none") + ":\n  "
          + Describe.line(actual));
    }
    return this;
  }

  /**
   * Asserts the new term end, an instant such as {@code "2024-07-04T04:00:00Z"} or a local
   * date-time in the period's zone ({@code "2024-07-04T00:00"}).
   */
  public LineAssert extendsTermTo(String expected) {
    isNotNull();
    Instant want = Texts.instant("expected term end", expected, actual.period().zone());
    if (!actual.extendsTermTo().equals(Optional.of(want))) {
      failWithMessage("%s", "Expected the line for rule \"" + actual.rulePath() + "\" to extend the term to " + want
          + ", but it " + actual.extendsTermTo().map(t -> "extends it to " + t).orElse("extends no term"));
    }
    return this;
  }

}
