package dev.amends.rules.json;

import static dev.amends.rules.json.PolicyDocumentsTest.DOCS;
import static dev.amends.rules.json.PolicyDocumentsTest.assertThrows;
import static dev.amends.rules.json.PolicyDocumentsTest.grid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.rules.CreditRule;
import dev.amends.rules.Outcome;
import dev.amends.rules.RuleContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Policy documents that are refused, each with the one problem it must give: the pointer, the
 * value found and the rule broken, exactly as a reader of the error sees them.
 */
class PolicyDocumentRefusalsTest {
  /** A small valid document with its measurement rules replaced, as text. */
  static String measured(String rules) {
    return """
        {"schema":"amends.policy/1","id":"grid-sla","version":1,"effectiveFrom":"2007-01-01T05:00:00Z",
         "measurementRules":%s,
         "rule":{"kind":"percent-of-fee","id":"p","percent":10},"rounding":{"mode":"HALF_UP"}}""".formatted(rules);
  }

  static List<String> problems(String json) {
    return assertThrows(() -> DOCS.read(json)).stream().map(JsonProblem::toString).toList();
  }

  @Test
  void aVersionPastIntRangeIsNotAWholeNumberInIntRange() {
    String doc = grid("{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":10}").replace("\"version\":1",
        "\"version\":2147483648");

    assertThat(problems(doc)).containsExactly("/version: 2147483648 is not a whole number in int range");
  }

  @Test
  void aVersionWithAFractionIsNotAWholeNumber() {
    String doc = grid("{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":10}").replace("\"version\":1",
        "\"version\":1.5");

    assertThat(problems(doc)).containsExactly("/version: 1.5 is not a whole number");
  }

  @Test
  void aMaintenanceWindowOfTwoDaysIsNeitherWeeklyNorDaily() {
    String doc = measured("{\"standingWindows\":[{\"days\":[\"SATURDAY\",\"SUNDAY\"],\"start\":\"01:00\","
        + "\"end\":\"04:00\",\"zone\":\"UTC\"}]}");

    assertThat(problems(doc)).containsExactly("/measurementRules/standingWindows/0/days: […2 items] must be one day"
        + " (weekly) or all seven (daily)");
  }

  @Test
  void aThresholdThatIsNeitherARatioNorADecimalIsRefused() {
    String doc = measured("{\"partialImpact\":{\"threshold\":\"a quarter\"}}");

    assertThat(problems(doc)).containsExactly("/measurementRules/partialImpact/threshold: \"a quarter\" is not a"
        + " ratio (such as \"1/20\") or a decimal");
  }

  @Test
  void minimumRequestsPastLongRangeAreNotAWholeNumber() {
    String doc = measured("{\"telemetry\":{\"minimumRequests\":9223372036854775808}}");

    assertThat(problems(doc)).containsExactly(
        "/measurementRules/telemetry/minimumRequests: 9223372036854775808 is not a whole number");
  }

  @Test
  void minimumRequestsOfLongMaxAreRead() {
    String doc = measured("{\"telemetry\":{\"minimumRequests\":9223372036854775807}}");

    assertThat(DOCS.read(doc).value().measurementRules().telemetry().minimumRequests()).isEqualTo(Long.MAX_VALUE);
  }

  /** A user rule whose factory refuses its arguments, or builds nothing. */
  record Bonus(String id) implements CreditRule {
    @Override
    public String kind() {
      return "bonus";
    }

    @Override
    public Outcome evaluate(RuleContext context) {
      return Outcome.noCredit("not in this test");
    }
  }

  @Test
  void aRegisteredFactoryThatThrowsIsReportedAtItsNodeWithItsMessage() {
    RuleTypes refusing = RuleTypes.builder().rule("bonus", a -> {
      a.id();
      throw new IllegalArgumentException("bonus needs a sponsor");
    }).build();

    assertThat(assertThrows(() -> PolicyDocuments.with(refusing).read(grid("{\"kind\":\"bonus\",\"id\":\"b\"}"))))
        .map(JsonProblem::toString)
        .containsExactly("/rule: {\"kind\",\"id\"…} is refused by the bonus rule type: bonus needs a sponsor");
  }

  @Test
  void aRegisteredFactoryThatReturnsNullIsReported() {
    RuleTypes empty = RuleTypes.builder().rule("bonus", a -> {
      a.id();
      return null;
    }).build();

    assertThat(assertThrows(() -> PolicyDocuments.with(empty).read(grid("{\"kind\":\"bonus\",\"id\":\"b\"}"))))
        .map(JsonProblem::toString)
        .containsExactly("/rule: {\"kind\",\"id\"…} was not built: the bonus rule type returned null");
  }

  @Test
  void aFactoryThatThrowsAfterABadFieldReportsTheFieldOnly() {
    RuleTypes refusing = RuleTypes.builder().rule("bonus", a -> new Bonus(a.id() + a.decimal("percent").toPlainString()))
        .build();

    // The bad decimal is reported; the factory's own failure on it (a NullPointerException) adds nothing.
    assertThat(assertThrows(() -> PolicyDocuments.with(refusing).read(grid(
        "{\"kind\":\"bonus\",\"id\":\"b\",\"percent\":\"ten\"}")))).map(JsonProblem::toString)
        .containsExactly("/rule/percent: \"ten\" is not a decimal");
  }
}
