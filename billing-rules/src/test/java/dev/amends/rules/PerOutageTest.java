package dev.amends.rules;

import static dev.amends.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * {@code per-outage}: the USD 20.00 account in June 2024 (43,200 minutes) with OUT-1 (3 h, 180
 * min) and OUT-2 (1 h, 60 min). The multiple 72 of the prorated fee gives OUT-1 20.00 x 180 /
 * 43,200 x 72 = 6.00 and OUT-2 20.00 x 60 / 43,200 x 72 = 2.00.
 */
class PerOutageTest {
  static final RuleNode SEVENTY_TWO = Rules.multipleOfProratedFee("x72", new BigDecimal("72"), Duration.ZERO);

  static CreditDecision decide(RuleNode rule, Outage... outages) {
    return engine(policy("p", rule), outages).decide(ACCOUNT_USD_20, JUNE_2024_UTC);
  }

  static List<Money> amounts(CreditDecision d) {
    return d.lines().stream().map(CreditLine::amount).toList();
  }

  @Test
  void twoOutagesInAMonthGiveTwoLinesWithDistinctKeys() {
    CreditDecision d = decide(Rules.perOutage("each", SEVENTY_TWO), OUT_1, OUT_2);

    assertThat(amounts(d)).containsExactly(usd("6.00"), usd("2.00"));
    assertThat(d.lines()).extracting(CreditLine::rulePath).containsExactly("each[OUT-1]/x72", "each[OUT-2]/x72");
    assertThat(d.lines()).extracting(CreditLine::outageIds).containsExactly(List.of("OUT-1"), List.of("OUT-2"));
    assertThat(d.lines().get(0).key()).isNotEqualTo(d.lines().get(1).key());
  }

  @Test
  void theLiabilitySummarySumsARuleOnceWhateverTheOutages() {
    // 6.00 + 2.00 under one row: the outage ids in the lines' paths are left out of the rule's label
    CreditDecision d = decide(Rules.perOutage("each", SEVENTY_TWO), OUT_1, OUT_2);

    LiabilitySummary summary = LiabilitySummary.builder().add(ACCOUNT_USD_20, d).build();

    assertThat(summary.byRule()).containsExactly(new LiabilitySummary.Subtotal("p v1 each/x72", usd("8.00")));
    assertThat(LiabilitySummary.Builder.nodePath("a/each[OUT/1]/x72")).isEqualTo("a/each/x72");
    assertThat(LiabilitySummary.Builder.nodePath("a/b")).isEqualTo("a/b");
  }

  @Test
  void anOutageIdHoldingABracketAndASlashStaysInItsRulesRow() {
    // OUT-1's record under the id "INC]/1": its line's path is each[INC]/1]/x72; 6.00 + 2.00 under one row
    Outage odd = outage("INC]/1", "2024-06-10T00:00:00Z", Duration.ofHours(3));
    CreditDecision d = decide(Rules.perOutage("each", SEVENTY_TWO), odd, OUT_2);

    LiabilitySummary summary = LiabilitySummary.builder().add(ACCOUNT_USD_20, d).build();

    assertThat(d.lines()).extracting(CreditLine::rulePath).containsExactly("each[INC]/1]/x72", "each[OUT-2]/x72");
    assertThat(summary.byRule()).containsExactly(new LiabilitySummary.Subtotal("p v1 each/x72", usd("8.00")));
  }

  @Test
  void aPathIsReadWithTheOutageItsLineRestsOnOrWithoutIt() {
    // with the line's outage: every [id] removed as it stands, even where the text alone reads two ways
    assertThat(LiabilitySummary.Builder.nodePath("a/each[X]/b/c[X]/x", List.of("X]/b/c[X"))).isEqualTo("a/each/x");
    assertThat(LiabilitySummary.Builder.nodePath("a/each[X]/b/c[X]/x", List.of("X"))).isEqualTo("a/each/b/c/x");
    assertThat(LiabilitySummary.Builder.nodePath("a/each[INC]/1]/x72", List.of("INC]/1"))).isEqualTo("a/each/x72");
    assertThat(LiabilitySummary.Builder.nodePath("a/b", List.of("INC-1"))).isEqualTo("a/b");
    // without it (a full clawback names no outage): a part ends where node ids follow to the end or a [
    assertThat(LiabilitySummary.Builder.nodePath("a/each[INC]/1]/x72", List.of())).isEqualTo("a/each/x72");
    assertThat(LiabilitySummary.Builder.nodePath("each[INC]/1]", List.of())).isEqualTo("each");
    assertThat(LiabilitySummary.Builder.nodePath("o[A]/in[A]/x", List.of())).isEqualTo("o/in/x");
  }

  @Test
  void withoutItTheSameRuleGivesOneLineForTheMonth() {
    // 20.00 x 240 / 43,200 x 72 = 8.00: the two lines above, as one.
    CreditDecision d = decide(SEVENTY_TWO, OUT_1, OUT_2);

    assertThat(amounts(d)).containsExactly(usd("8.00"));
    assertThat(d.lines()).extracting(CreditLine::rulePath).containsExactly("x72");
  }

  @Test
  void aCapInsideCapsEachOutage() {
    // OUT-1: 6.00 capped to 5.00; OUT-2: 2.00, within 5.00. Together 7.00, more than one cap.
    CreditDecision d = decide(Rules.perOutage("each", Rules.cap("at-most", CapLimit.amount(usd("5.00")), SEVENTY_TWO)),
        OUT_1, OUT_2);

    assertThat(amounts(d)).containsExactly(usd("5.00"), usd("2.00"));
    assertThat(d.flags()).contains(DecisionFlag.CAP_REACHED);
  }

  @Test
  void aCapOutsideCapsTheSum() {
    // 6.00 + 2.00 = 8.00 capped to 5.00, pro rata 5/8: 6.00 x 5/8 = 3.75 and 2.00 x 5/8 = 1.25.
    CreditDecision d = decide(Rules.cap("at-most", CapLimit.amount(usd("5.00")), Rules.CapScope.PER_PERIOD,
        Rules.Spread.PRO_RATA, Rules.Excess.DROPPED, Rules.perOutage("each", SEVENTY_TWO)), OUT_1, OUT_2);

    assertThat(amounts(d)).containsExactly(usd("3.75"), usd("1.25"));
  }

  @Test
  void anOutageUnderTheMinimumDowntimeGivesNoLine() {
    // The 4-minute blip is dropped by the 5-minute minimum: only OUT-1's 6.00.
    Outage blip = outage("BLIP", "2024-06-15T08:00:00Z", Duration.ofMinutes(4));
    Policy p = policyBuilder("p", Rules.perOutage("each", SEVENTY_TWO), HALF_UP)
        .measurementRules(MeasurementRules.builder().minimumDowntime(Duration.ofMinutes(5)).build()).build();

    CreditDecision d = engine(p, OUT_1, blip).decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    assertThat(d.lines()).extracting(CreditLine::rulePath).containsExactly("each[OUT-1]/x72");
    assertThat(amounts(d)).containsExactly(usd("6.00"));
  }

  @Test
  void theChildSeesTheAvailabilityOfItsOutageAlone() {
    // Alone, OUT-1 leaves 1 - 180/43,200 = 99.583 % and OUT-2 1 - 60/43,200 = 99.861 %: 10 % each,
    // 2.00 each. The month together (1 - 240/43,200 = 99.444 %) would be 25 %.
    RuleNode tiers = Rules.availabilityTiers("tiers",
        Tier.range("99.5", "99.9", "10"), Tier.range("0", "99.5", "25"));

    assertThat(amounts(decide(Rules.perOutage("each", tiers), OUT_1, OUT_2))).containsExactly(usd("2.00"), usd("2.00"));
    assertThat(amounts(decide(tiers, OUT_1, OUT_2))).containsExactly(usd("5.00"));
  }

  @Test
  void eachLineRestsOnItsOutageWhateverTheChildSays() {
    CreditDecision d = decide(Rules.perOutage("each", Fixed.credit("flat", "2.00")), OUT_1, OUT_2);

    assertThat(d.lines()).extracting(CreditLine::outageIds).containsExactly(List.of("OUT-1"), List.of("OUT-2"));
    assertThat(amounts(d)).containsExactly(usd("2.00"), usd("2.00"));
  }

  @Test
  void aMonthWithoutOutagesGivesNothing() {
    CreditDecision d = decide(Rules.perOutage("each", Fixed.credit("flat", "2.00")));

    assertThat(d.lines()).isEmpty();
    TraceNode root = d.trace("sub-1", "p").orElseThrow().root();
    assertThat(root.verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(root.summary()).isEqualTo("no outage counted downtime");
  }

  @Test
  void theTraceHasOneChildPerOutageNamedByItsId() {
    CreditDecision d = decide(Rules.perOutage("each", SEVENTY_TWO), OUT_1, OUT_2);

    TraceNode root = d.trace("sub-1", "p").orElseThrow().root();
    assertThat(root.kind()).isEqualTo("per-outage");
    assertThat(root.summary()).isEqualTo("2 line(s) for 2 outage(s) = USD 8.00");
    assertThat(root.children()).extracting(TraceNode::path).containsExactly("each[OUT-1]", "each[OUT-2]");
    assertThat(root.children()).extracting(TraceNode::kind).containsOnly("outage");
    assertThat(root.children().get(0).values()).containsEntry("outage", TraceValue.text("OUT-1"));
    assertThat(root.children().get(0).children()).singleElement().extracting(TraceNode::path)
        .isEqualTo("each[OUT-1]/x72");
  }

  @Test
  void tracesOnAndOffGiveTheSameLines() {
    RuleNode rule = Rules.cap("total", CapLimit.amount(usd("7.00")),
        Rules.perOutage("each", Rules.cap("at-most", CapLimit.amount(usd("5.00")), SEVENTY_TWO)));
    Policy p = policy("p", rule);
    OutageLog log = OutageLog.of(List.of(OUT_1, OUT_2));

    CreditDecision on = CreditEngine.builder().policies(PolicyBook.of(p)).outages(log).build()
        .decide(ACCOUNT_USD_20, JUNE_2024_UTC);
    CreditDecision off = CreditEngine.builder().policies(PolicyBook.of(p)).outages(log).traces(false).build()
        .decide(ACCOUNT_USD_20, JUNE_2024_UTC);

    // Inside: 5.00 and 2.00; outside: 7.00, within the total cap.
    assertThat(amounts(on)).containsExactly(usd("5.00"), usd("2.00"));
    assertThat(off.lines()).isEqualTo(on.lines());
  }

  /**
   * The multiple 2,160 makes a minute down worth exactly USD 1.00 (20.00 x 2,160 / 43,200), so no
   * line rounds: each outage's line is its own minutes in dollars, and the lines of outages that
   * do not overlap sum to the month's one line without per-outage.
   */
  @Property(tries = 50)
  void linesOfOutagesApartSumToTheMonthsLine(
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 600) Integer> minutes) {
    RuleNode dollarAMinute = Rules.multipleOfProratedFee("x", new BigDecimal("2160"), Duration.ZERO);
    List<Outage> outages = new ArrayList<>();
    for (int i = 0; i < minutes.size(); i++) { // one a day from 1 June, at most 10 hours each
      outages.add(outage("O-" + i, "2024-06-%02dT00:00:00Z".formatted(i + 1), Duration.ofMinutes(minutes.get(i))));
    }
    Outage[] all = outages.toArray(new Outage[0]);

    CreditDecision each = decide(Rules.perOutage("each", dollarAMinute), all);
    CreditDecision month = decide(dollarAMinute, all);

    assertThat(amounts(each)).isEqualTo(minutes.stream().map(m -> usd(m + ".00")).toList());
    assertThat(amounts(month)).containsExactly(usd(minutes.stream().mapToInt(Integer::intValue).sum() + ".00"));
  }

  @Test
  void refusesACapCarryingForwardUnderIt() {
    RuleNode carrying = Rules.cap("carry", CapLimit.amount(usd("5.00")), Rules.CapScope.PER_PERIOD,
        Rules.Spread.IN_ORDER, Rules.Excess.CARRIED_FORWARD, SEVENTY_TWO);

    assertThatThrownBy(() -> Rules.perOutage("each", carrying))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("each.child");
  }

  @Test
  void refusesAMissingChild() {
    assertThatThrownBy(() -> Rules.perOutage("each", null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("each.child");
  }
}
