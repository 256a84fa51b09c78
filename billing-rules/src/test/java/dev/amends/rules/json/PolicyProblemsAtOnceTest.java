package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A policy document is checked for every problem in one pass: a field that cannot be read does not
 * hide what only the whole policy shows (tier gaps, repeated ids, the policy's own fields), nor a
 * percentage over 100 elsewhere.
 */
class PolicyProblemsAtOnceTest {
  private static final PolicyDocuments DOCS = PolicyDocuments.standard();

  private static List<String> pointers(String json) {
    return PolicyDocumentsTest.problemsOf(json).stream().map(JsonProblem::pointer).toList();
  }

  private static List<String> messages(String json) {
    return PolicyDocumentsTest.problemsOf(json).stream().map(JsonProblem::toString).toList();
  }

  /**
   * A bad decimal, a percentage over 100, a tier gap, a tier over 100 beside another gap, a node
   * id used twice and an end before the start: six problems, all listed.
   */
  static final String SIX_PROBLEMS = """
      {"schema":"amends.policy/1","id":"hosting-sla","version":2,
       "effectiveFrom":"2026-01-01T00:00:00Z","effectiveUntil":"2025-01-01T00:00:00Z",
       "rule":{"kind":"sum","id":"sla","children":[
         {"kind":"per-block","id":"blocks","block":"PT30M","percentPerBlock":"5,0"},
         {"kind":"percent-of-fee","id":"goodwill","percent":150},
         {"kind":"availability-tiers","id":"tiers","tiers":[
           {"lower":99.0,"upper":99.9,"value":10},
           {"lower":0,"upper":95.0,"value":100}]},
         {"kind":"days-of-service","id":"days","tiers":[
           {"lower":99.0,"upper":99.9,"value":3},
           {"lower":0,"upper":98.0,"value":7}]},
         {"kind":"availability-tiers","id":"steep","tiers":[
           {"lower":99.0,"upper":99.9,"value":120},
           {"lower":0,"upper":95.0,"value":100}]},
         {"kind":"percent-of-fee","id":"tiers","percent":5}]},
       "rounding":{"mode":"HALF_UP"}}""";

  @Test
  void aBadDecimalHidesNoPercentageTierGapRepeatedIdOrPolicyField() {
    List<String> messages = messages(SIX_PROBLEMS);

    assertThat(pointers(SIX_PROBLEMS)).contains(
        "/rule/children/0/percentPerBlock",          // "5,0" is not a decimal
        "/rule/children/1/percent",                  // 150 % without allowsOverFullFee
        "/rule/children/2",                          // tiers: gap between 95.0 and 99.0
        "/rule/children/3",                          // days: gap between 98.0 and 99.0
        "/rule/children/4/tiers/0/value",            // 120 % in a tier
        "/rule/children/5",                          // "tiers" used twice
        "");                                         // effectiveUntil before effectiveFrom
    assertThat(messages).anySatisfy(m -> assertThat(m).contains("percentPerBlock", "5,0"));
    assertThat(messages).anySatisfy(m -> assertThat(m).contains("sla/tiers", "gap"));
    assertThat(messages).anySatisfy(m -> assertThat(m).contains("sla/days", "gap"));
    assertThat(messages).anySatisfy(m -> assertThat(m).contains("sla/steep", "gap"));
    assertThat(messages).anySatisfy(m -> assertThat(m).contains("repeats the node id \"tiers\""));
    assertThat(messages).anySatisfy(m -> assertThat(m).contains("effectiveUntil must be after effectiveFrom"));
  }

  @Test
  void everyTierOver100IsReportedNotOnlyTheFirst() {
    String json = PolicyDocumentsTest.grid("""
        {"kind":"availability-tiers","id":"tiers","tiers":[
          {"lower":99.0,"upper":99.9,"value":110},
          {"lower":95.0,"upper":99.0,"value":125},
          {"lower":0,"upper":95.0,"value":100}]}""");

    assertThat(pointers(json)).containsExactly("/rule/tiers/0/value", "/rule/tiers/1/value");
  }

  @Test
  void aDocumentWithoutProblemsStillReadsAndOneWithOnlyPolicyProblemsReportsThemOnce() {
    String gapOnly = PolicyDocumentsTest.grid("""
        {"kind":"availability-tiers","id":"tiers","tiers":[
          {"lower":99.0,"upper":99.9,"value":10},
          {"lower":0,"upper":95.0,"value":100}]}""");

    assertThat(DOCS.read(PolicyDocumentsTest.example("grid-sla.json")).value().id()).isEqualTo("grid-sla");
    assertThat(messages(gapOnly)).hasSize(1).allSatisfy(m -> assertThat(m).contains("gap"));
  }

  @Test
  void aCampaignWithABadFieldStillReportsATierGapInItsGrant() {
    String json = """
        {"schema":"amends.campaign/1","id":"goodwill","eligibleAt":"2007-12-10T17:00:00Z",
         "eligibility":{"type":"placed-under","scope":"grid"},"unit":"PER_SOMETHING",
         "grant":{"kind":"days-of-service","id":"days","tiers":[
           {"lower":99.0,"upper":99.9,"value":3},{"lower":0,"upper":98.0,"value":7}]},
         "rounding":{"mode":"HALF_UP"}}""";
    List<JsonProblem> problems;
    try {
      CampaignDocuments.standard().read(json);
      throw new AssertionError("read");
    } catch (JsonDocumentException e) {
      problems = e.problems();
    }

    assertThat(problems).extracting(JsonProblem::pointer).contains("/unit", "/grant");
    assertThat(problems).anySatisfy(p -> assertThat(p.toString()).contains("gap"));
  }
}
