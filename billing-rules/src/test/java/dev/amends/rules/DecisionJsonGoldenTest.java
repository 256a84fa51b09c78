package dev.amends.rules;

import static dev.amends.core.fixtures.Story2007.CUSTOMER_ON_CLUSTER_1;
import static dev.amends.core.fixtures.Story2007.CUSTOMER_ON_CLUSTER_2;
import static dev.amends.core.fixtures.Story2007.DEC_2007_EASTERN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.RecordWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Decisions as JSON against golden files in {@code src/test/resources/golden}. A change to the
 * JSON shows up as a diff of those files. To accept an intended change, run this test with
 * {@code -Damends.golden.update=true} (from the module directory) and review the diff.
 */
class DecisionJsonGoldenTest {
  /**
   * The 2007 story as a batch of three: the cluster-2 customer (SLA USD 2.00: 420 min down of
   * 44,640 is 99.0591 %, in [99.0, 99.9) so 10 % of USD 20.00; goodwill 2 x USD 20.00 = USD 40.00;
   * total USD 42.00), a request whose issued credit names no line of the decision (rejected), and
   * the cluster-1 customer (goodwill USD 40.00 only).
   */
  @Test
  void storyBatchMatchesItsGoldenFile() throws IOException {
    DecisionRequest bad = DecisionRequest.builder().account(CUSTOMER_ON_CLUSTER_2).period(DEC_2007_EASTERN)
        .addIssued(new IssuedCredit("cr-0000", Money.parse("USD 1.00"), "grid-sla", "sub-c2", "tiers"))
        .build();
    List<DecisionRequest> requests = List.of(DecisionRequest.of(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN), bad,
        DecisionRequest.of(CUSTOMER_ON_CLUSTER_1, DEC_2007_EASTERN));
    StringWriter text = new StringWriter();
    try (RecordWriter<BatchResult> out = DecisionJson.writer(text)) {
      StoryEndToEndTest.ENGINE.decideAll(requests.iterator(), BatchOptions.defaults()).forEachRemaining(out::write);
      assertThat(out.written()).isEqualTo(3);
    }
    assertMatchesGolden("story-2007-batch.ndjson", text.toString());
  }

  /**
   * Decisions that use the rest of the format, one a line: a top-up of days of service with the
   * new term end (issued 3 days, now 7: 4 more days, term to 8 July 00:00 New York), a re-run that
   * owes less than was issued (flag and warning, no line), and a cap that carries USD 10.00
   * forward (USD 30.00 capped at 100 % of USD 20.00).
   */
  @Test
  void topUpOverpaymentAndCarriedForwardMatchTheirGoldenFile() throws IOException {
    var account = LeafFixtures.given(LeafFixtures.USD_20_00).account();
    CreditLine first = LeafFixtures.engineFor(LeafFixtures.onePolicy(DaysOfServiceRuleTest.TERM_ONLY, LeafFixtures.HALF_UP),
        DaysOfServiceRuleTest.tenHoursFrom("2024-06-14")).decide(account, LeafFixtures.JUNE_2024_NY).lines().get(0);
    DecisionRequest reRun = DecisionRequest.builder().account(account).period(LeafFixtures.JUNE_2024_NY)
        .addIssued(IssuedCredit.of(first)).build();
    var corrected = LeafFixtures.outage("INC-1", java.time.Instant.parse("2024-06-14T14:00:00Z"),
        java.time.Instant.parse("2024-06-16T06:00:00Z"));
    CreditDecision topUp = LeafFixtures.engineFor(
        LeafFixtures.onePolicy(DaysOfServiceRuleTest.TERM_ONLY, LeafFixtures.HALF_UP), corrected).decide(reRun);
    CreditDecision overpaid = LeafFixtures.engineFor(
        LeafFixtures.onePolicy(DaysOfServiceRuleTest.TERM_ONLY, LeafFixtures.HALF_UP)).decide(reRun);
    CreditDecision capped = RuleFixtures.engine(RuleFixtures.policy("p",
        CapCarryForwardTest.carrying(Fixed.credit("a", "30.00")))).decide(RuleFixtures.ACCOUNT_USD_20,
        RuleFixtures.MAY_2024_UTC);

    String text = DecisionJson.toLine(topUp) + "\n" + DecisionJson.toLine(overpaid) + "\n"
        + DecisionJson.toLine(capped) + "\n";
    assertMatchesGolden("decision-features.ndjson", text);
  }

  @Test
  void theSameDecisionAlwaysGivesTheSameText() {
    CreditDecision d = StoryEndToEndTest.ENGINE.decide(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN);
    CreditDecision again = StoryEndToEndTest.ENGINE.decide(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN);
    assertThat(DecisionJson.toLine(again)).isEqualTo(DecisionJson.toLine(d));
    // money at the currency's scale, as strings: USD 2.00 + USD 40.00 = USD 42.00
    assertThat(DecisionJson.toLine(d)).contains("\"totals\":[{\"amount\":\"42.00\",\"currency\":\"USD\"}]");
  }

  @Test
  void anEngineWithTracesOffWritesNoTraces() {
    CreditEngine off = CreditEngine.builder().policies(PolicyBook.of(StoryEndToEndTest.GRID_SLA))
        .outages(dev.amends.core.fixtures.Story2007.LOG).traces(false).build();
    String untraced = DecisionJson.toLine(off.decide(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN));
    String traced = DecisionJson.toLine(StoryEndToEndTest.ENGINE.decide(CUSTOMER_ON_CLUSTER_2, DEC_2007_EASTERN));
    assertThat(untraced).doesNotContain("\"traces\"").endsWith("\"carriedForward\":[]}");
    assertThat(traced).contains(",\"traces\":[{\"subscriptionId\":\"sub-c2\",\"policy\":{\"id\":\"grid-sla\"");
  }

  static void assertMatchesGolden(String name, String actual) throws IOException {
    if (Boolean.getBoolean("amends.golden.update")) {
      Path file = Path.of("src/test/resources/golden", name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
    }
    String expected;
    try (InputStream in = DecisionJsonGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden file " + name).isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
  }
}
