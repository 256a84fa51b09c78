package dev.amends.rules;

import static dev.amends.core.fixtures.Story2007.CUSTOMER_ON_CLUSTER_1;
import static dev.amends.core.fixtures.Story2007.CUSTOMER_ON_CLUSTER_2;
import static dev.amends.core.fixtures.Story2007.DEC_2007_EASTERN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.InvalidInputException;
import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.TreeDecisionJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * {@link DecisionJson} streams each line with a generator; its text is the text of the JSON tree it
 * built before ({@link TreeDecisionJson}, kept in the tests as the reference), byte for byte, for
 * decisions with and without traces, every kind of line, carried credits, flags and warnings, and
 * rejected results.
 */
class DecisionJsonStreamingTest {
  @Test
  void streamedDecisionsAreTheTreeWritersText() {
    List<CreditDecision> decisions = decisions();
    assertThat(decisions).hasSizeGreaterThanOrEqualTo(6);
    assertThat(decisions).anyMatch(CreditDecision::traced).anyMatch(d -> !d.traced())
        .anyMatch(d -> !d.carriedForward().isEmpty()).anyMatch(d -> !d.flags().isEmpty())
        .anyMatch(d -> d.lines().stream().anyMatch(l -> l.days().isPresent()));
    for (CreditDecision d : decisions) {
      assertThat(DecisionJson.toLine(d)).isEqualTo(TreeDecisionJson.toLine(d));
      BatchResult decided = new BatchResult.Decided(7, d);
      assertThat(DecisionJson.toLine(decided)).isEqualTo(TreeDecisionJson.toLine(decided));
    }
  }

  @Property(tries = 200)
  void streamedRejectionsAreTheTreeWritersText(@ForAll long index, @ForAll Optional<String> accountId,
      @ForAll String reason, @ForAll String field, @ForAll String rule, @ForAll String value, @ForAll boolean bug) {
    Throwable cause = bug ? new IllegalStateException(reason) : InvalidInputException.of(field, rule, value);
    BatchResult r = new BatchResult.Rejected(index, accountId, reason, cause);
    assertThat(DecisionJson.toLine(r)).isEqualTo(TreeDecisionJson.toLine(r));
  }

  /** Decisions of the golden tests' fixtures, traced and not. */
  static List<CreditDecision> decisions() {
    List<CreditDecision> out = new ArrayList<>();
    out.add(StoryEndToEndTest.ENGINE.decide(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN));
    out.add(StoryEndToEndTest.ENGINE.decide(CUSTOMER_ON_CLUSTER_1, DEC_2007_EASTERN));
    CreditEngine off = CreditEngine.builder().policies(PolicyBook.of(StoryEndToEndTest.GRID_SLA))
        .outages(dev.amends.core.fixtures.Story2007.LOG).traces(false).build();
    out.add(off.decide(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN));
    var account = LeafFixtures.given(LeafFixtures.USD_20_00).account();
    CreditEngine term = LeafFixtures.engineFor(LeafFixtures.onePolicy(DaysOfServiceRuleTest.TERM_ONLY, LeafFixtures.HALF_UP),
        DaysOfServiceRuleTest.tenHoursFrom("2024-06-14"));
    CreditDecision first = term.decide(account, LeafFixtures.JUNE_2024_NY);
    out.add(first);
    DecisionRequest reRun = DecisionRequest.builder().account(account).period(LeafFixtures.JUNE_2024_NY)
        .addIssued(IssuedCredit.of(first.lines().get(0))).build();
    var corrected = LeafFixtures.outage("INC-1", Instant.parse("2024-06-14T14:00:00Z"), Instant.parse("2024-06-16T06:00:00Z"));
    out.add(LeafFixtures.engineFor(LeafFixtures.onePolicy(DaysOfServiceRuleTest.TERM_ONLY, LeafFixtures.HALF_UP), corrected)
        .decide(reRun));
    out.add(LeafFixtures.engineFor(LeafFixtures.onePolicy(DaysOfServiceRuleTest.TERM_ONLY, LeafFixtures.HALF_UP)).decide(reRun));
    out.add(RuleFixtures.engine(RuleFixtures.policy("p", CapCarryForwardTest.carrying(Fixed.credit("a", "30.00"))))
        .decide(RuleFixtures.ACCOUNT_USD_20, RuleFixtures.MAY_2024_UTC));
    DecisionRequest bad = DecisionRequest.builder().account(CUSTOMER_ON_CLUSTER_2).period(DEC_2007_EASTERN)
        .addIssued(new IssuedCredit("cr-0000", Money.parse("USD 1.00"), "grid-sla", "sub-c2", "tiers")).build();
    StoryEndToEndTest.ENGINE.decideAll(List.of(bad).iterator(), BatchOptions.defaults()).forEachRemaining(r -> {
      if (r instanceof BatchResult.Decided d) {
        out.add(d.decision());
      }
    });
    return out;
  }
}
