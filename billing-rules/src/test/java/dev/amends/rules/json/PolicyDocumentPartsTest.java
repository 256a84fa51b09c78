package dev.amends.rules.json;

import static dev.amends.rules.json.PolicyDocumentsTest.DOCS;
import static dev.amends.rules.json.PolicyDocumentsTest.assertThrows;
import static dev.amends.rules.json.PolicyDocumentsTest.grid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.rules.CreditRule;
import dev.amends.rules.Outcome;
import dev.amends.rules.Policy;
import dev.amends.rules.RuleContext;
import dev.amends.rules.Rules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every part of a policy document that is an object of its own (rounding, measurement rules and
 * their parts, a deadline, a cap's limit, a tier, an allowance, a condition, a user rule's
 * nested parameters): read when it is well formed, and refused at its own pointer when it is not
 * an object, when its {@code "type"} names another part, or when one of its fields is bad.
 */
class PolicyDocumentPartsTest {
  /** A valid document with one of each part, every optional part present. */
  static final String EVERY_PART = """
      {"schema":"amends.policy/1","id":"parts","version":1,"effectiveFrom":"2007-01-01T05:00:00Z",
       "measurementRules":{"standingWindows":[{"days":["SUNDAY"],"start":"01:00","end":"04:00","zone":"UTC"}],
         "granularity":{"slice":"PT5M"},"partialImpact":{"threshold":"1/4"},"telemetry":{"minimumRequests":10}},
       "measurementWindow":{"type":"rolling-days","days":30},
       "rule":{"kind":"requires-claim","id":"claimed","deadline":{"kind":"DAYS_AFTER_PERIOD_END","count":30},
         "child":{"kind":"cap","id":"cap","limit":{"type":"percent-of-fee","percent":50},
           "child":{"kind":"sum","id":"all","children":[
             {"kind":"days-of-service","id":"days","value":{"dayCount":"ACTUAL"},
              "tiers":[{"lower":0,"upper":100,"value":1}]},
             {"kind":"prorated-multiple","id":"ten-x","multiple":10,
              "allowance":{"type":"availability-percent","percent":"99.95"}},
             {"kind":"when","id":"premium","condition":{"type":"plan-in","plans":["premium"]},
              "then":{"kind":"percent-of-fee","id":"p","percent":10}}]}}},
       "rounding":{"mode":"HALF_UP"}}""";

  static List<String> problems(String json) {
    return assertThrows(() -> DOCS.read(json)).stream().map(JsonProblem::toString).toList();
  }

  @Test
  void aDocumentWithEveryPartIsRead() {
    Policy p = DOCS.read(EVERY_PART).value();

    assertThat(p.id()).isEqualTo("parts");
    assertThat(p.measurementRules().partialImpact().threshold()).hasValue(dev.amends.core.money.Ratio.of(1, 4));
    assertThat(p.measurementRules().telemetry().minimumRequests()).isEqualTo(10L);
    assertThat(p.measurementRules().standingWindows()).hasSize(1);
    assertThat(p.measurementWindow()).isPresent();
  }

  /** Each part written as a string instead of an object: refused there, and nothing else is said. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"mode\":\"HALF_UP\"}                                   | /rounding",
      "{\"standingWindows\"                                       | /measurementRules",
      "{\"days\":[\"SUNDAY\"],\"start\":\"01:00\",\"end\":\"04:00\",\"zone\":\"UTC\"} | /measurementRules/standingWindows/0",
      "{\"slice\":\"PT5M\"}                                     | /measurementRules/granularity",
      "{\"threshold\":\"1/4\"}                                  | /measurementRules/partialImpact",
      "{\"minimumRequests\":10}                                 | /measurementRules/telemetry",
      "{\"type\":\"rolling-days\",\"days\":30}                  | /measurementWindow",
      "{\"kind\":\"DAYS_AFTER_PERIOD_END\",\"count\":30}        | /rule/deadline",
      "{\"type\":\"percent-of-fee\",\"percent\":50}             | /rule/child/limit",
      "{\"dayCount\":\"ACTUAL\"}                                | /rule/child/child/children/0/value",
      "{\"lower\":0,\"upper\":100,\"value\":1}                  | /rule/child/child/children/0/tiers/0",
      "{\"type\":\"availability-percent\",\"percent\":\"99.95\"} | /rule/child/child/children/1/allowance",
      "{\"type\":\"plan-in\",\"plans\":[\"premium\"]}           | /rule/child/child/children/2/condition",
  })
  void aPartThatIsNotAnObjectIsRefusedAtItsPointer(String part, String pointer) {
    String doc;
    if (part.equals("{\"standingWindows\"")) {
      // the measurement rules as a whole, up to the end of their object
      int start = EVERY_PART.indexOf("{\"standingWindows\"");
      int end = EVERY_PART.indexOf(",\n \"measurementWindow\"");
      doc = EVERY_PART.substring(0, start) + "\"none\"" + EVERY_PART.substring(end);
    } else {
      assertThat(EVERY_PART).contains(part);
      doc = EVERY_PART.replace(part, "\"none\"");
    }

    assertThat(problems(doc)).containsExactly(pointer + ": \"none\" is not an object");
  }

  /** Each part with its {@code "type"} written out, as the canonical form writes it: read the same. */
  @Test
  void aPartThatNamesItsOwnTypeIsReadTheSame() {
    String typed = EVERY_PART
        .replace("{\"mode\"", "{\"type\":\"rounding\",\"mode\"")
        .replace("{\"standingWindows\"", "{\"type\":\"measurement-rules\",\"standingWindows\"")
        .replace("{\"days\":[\"SUNDAY\"]", "{\"type\":\"maintenance-window\",\"days\":[\"SUNDAY\"]")
        .replace("{\"slice\"", "{\"type\":\"granularity\",\"slice\"")
        .replace("{\"threshold\"", "{\"type\":\"partial-impact\",\"threshold\"")
        .replace("{\"minimumRequests\"", "{\"type\":\"telemetry-rules\",\"minimumRequests\"")
        .replace("{\"kind\":\"DAYS_AFTER_PERIOD_END\"", "{\"type\":\"claim-deadline\",\"kind\":\"DAYS_AFTER_PERIOD_END\"")
        .replace("{\"dayCount\"", "{\"type\":\"days-value\",\"dayCount\"")
        .replace("{\"lower\"", "{\"type\":\"tier\",\"lower\"");

    assertThat(DOCS.read(typed).value()).isEqualTo(DOCS.read(EVERY_PART).value());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"mode\"                      | \"tier\" | /rounding/type: \"tier\" must be \"rounding\" here",
      "{\"slice\"                     | 1        | /measurementRules/granularity/type: 1 must be \"granularity\" here",
      "{\"dayCount\"                  | \"DAYS\" | /rule/child/child/children/0/value/type: \"DAYS\" must be \"days-value\" here",
      "{\"kind\":\"DAYS_AFTER_PERIOD_END\" | null | /rule/deadline/type: null must be \"claim-deadline\" here",
  })
  void aPartThatNamesAnotherTypeIsRefused(String opening, String type, String problem) {
    String doc = EVERY_PART.replace(opening, "{\"type\":" + type + "," + opening.substring(1));

    assertThat(problems(doc)).containsExactly(problem);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"rolling-days\",\"days\":30}       | {\"type\":\"rolling-weeks\",\"days\":30}"
          + "| /measurementWindow/type: \"rolling-weeks\" is not a known measurement window type; known: calendar-quarter, rolling-days",
      "{\"type\":\"percent-of-fee\",\"percent\":50}  | {\"type\":\"percent\",\"percent\":50}"
          + "| /rule/child/limit/type: \"percent\" is not a known cap limit type; known: percent-of-fee, amount, days, percent-of-landing-fee",
      "{\"type\":\"availability-percent\",\"percent\":\"99.95\"} | {\"type\":\"availability\",\"percent\":\"99.95\"}"
          + "| /rule/child/child/children/1/allowance/type: \"availability\" is not a known allowance type; known: availability-percent, fixed-allowance",
  })
  void aPartOfAnUnknownTypeNamesTheTypesKnownInTheirDeclaredOrder(String part, String replaced, String problem) {
    String doc = EVERY_PART.replace(part, replaced);

    // The fields of a part of an unknown type are not known either: each is said too. The types
    // known are listed in the order the reader declares them, the same in every run (they were
    // listed in the order of a Set.of, which changes from one JVM to the next).
    assertThat(problems(doc)).first().isEqualTo(problem);
  }

  /** A field of a part that is bad: that field's problem only, nothing built from it, no failure. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"slice\":\"PT5M\"            | \"slice\":\"5m\"           | /measurementRules/granularity/slice: \"5m\" is not a duration (ISO 8601, such as \"PT30M\")",
      "\"slice\":\"PT5M\"            | \"slice\":\"PT5M\",\"threshold\":\"soon\" | /measurementRules/granularity/threshold: \"soon\" is not a duration (ISO 8601, such as \"PT30M\")",
      "\"threshold\":\"1/4\"         | \"threshold\":\"1/4\",\"isWeighted\":\"yes\" | /measurementRules/partialImpact/isWeighted: \"yes\" is not true or false",
      "\"threshold\":\"1/4\"         | \"threshold\":\"quarter\"  | /measurementRules/partialImpact/threshold: \"quarter\" is not a ratio (such as \"1/20\") or a decimal",
      "\"zone\":\"UTC\"              | \"zone\":\"UTC\",\"excludesAllDowntime\":1 | /measurementRules/standingWindows/0/excludesAllDowntime: 1 is not true or false",
      "\"days\":[\"SUNDAY\"]         | \"days\":[\"SUN\"]         | /measurementRules/standingWindows/0/days/0: \"SUN\" is not one of [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY]",
      "\"minimumRequests\":10        | \"minimumRequests\":10,\"method\":\"ratio\" | /measurementRules/telemetry/method: \"ratio\" is not one of [BAD_TIMESLICES, AVERAGED_RATIOS]",
      "\"minimumRequests\":10        | \"minimumRequests\":\"ten\" | /measurementRules/telemetry/minimumRequests: \"ten\" is not a whole number",
      "\"count\":30}                 | \"count\":\"30\"}          | /rule/deadline/count: \"30\" is not a whole number",
      "\"kind\":\"DAYS_AFTER_PERIOD_END\" | \"kind\":\"DAYS\"      | /rule/deadline/kind: \"DAYS\" is not one of [DAYS_AFTER_INCIDENT, DAYS_AFTER_PERIOD_END, CYCLES_AFTER_INCIDENT, FOLLOWING_MONTH, BUSINESS_DAYS]",
      "\"dayCount\":\"ACTUAL\"       | \"dayCount\":\"ALL\"       | /rule/child/child/children/0/value/dayCount: \"ALL\" is not one of [ACTUAL, THIRTY, ACTUAL_365]",
      "\"lower\":0,                  | \"lower\":0,\"lowerInclusive\":\"yes\", | /rule/child/child/children/0/tiers/0/lowerInclusive: \"yes\" is not true or false",
      "\"lower\":0,                  | \"lower\":0,\"upperInclusive\":0, | /rule/child/child/children/0/tiers/0/upperInclusive: 0 is not true or false",
      "\"multiple\":10               | \"multiple\":\"ten\"       | /rule/child/child/children/1/multiple: \"ten\" is not a decimal",
      "\"percent\":\"99.95\"         | \"percent\":\"high\"       | /rule/child/child/children/1/allowance/percent: \"high\" is not a decimal",
      "\"plans\":[\"premium\"]       | \"plans\":\"premium\"      | /rule/child/child/children/2/condition/plans: \"premium\" is not an array",
      "\"mode\":\"HALF_UP\"          | \"mode\":\"HALF_UP\",\"increment\":\"a nickel\" | /rounding/increment: \"a nickel\" is not a decimal",
      "\"mode\":\"HALF_UP\"          | \"mode\":\"UP_HALF\"       | /rounding/mode: \"UP_HALF\" is not one of [UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN, UNNECESSARY]",
      "\"days\":30                   | \"days\":\"30\"            | /measurementWindow/days: \"30\" is not a whole number",
  })
  void aBadFieldOfAPartIsItsOnlyProblem(String field, String replaced, String problem) {
    assertThat(EVERY_PART).contains(field);
    String doc = EVERY_PART.replaceFirst(java.util.regex.Pattern.quote(field),
        java.util.regex.Matcher.quoteReplacement(replaced));

    assertThat(problems(doc)).containsExactly(problem);
  }

  /** Each standard kind with one field bad: that problem alone, the node not built, no failure. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"kind\":\"per-block\",\"id\":\"b\",\"block\":\"PT1H\",\"percentPerBlock\":5,\"count\":\"SOME\"}"
          + "| /rule/count: \"SOME\" is not one of [STARTED, COMPLETED]",
      "{\"kind\":\"per-block\",\"id\":\"b\",\"block\":\"1h\",\"percentPerBlock\":5}"
          + "| /rule/block: \"1h\" is not a duration (ISO 8601, such as \"PT30M\")",
      "{\"kind\":\"prorated-multiple\",\"id\":\"m\",\"multiple\":10,\"allowance\":{\"type\":\"fixed-allowance\",\"duration\":\"1h\"}}"
          + "| /rule/allowance/duration: \"1h\" is not a duration (ISO 8601, such as \"PT30M\")",
      "{\"kind\":\"prorated-multiple\",\"id\":\"m\",\"multiple\":\"x\",\"allowance\":{\"type\":\"fixed-allowance\",\"duration\":\"PT1H\"}}"
          + "| /rule/multiple: \"x\" is not a decimal",
      "{\"kind\":\"days-of-service\",\"id\":\"d\",\"tiers\":[{\"lower\":0,\"upper\":100,\"value\":1}],\"value\":{\"dayCount\":\"ALL\"}}"
          + "| /rule/value/dayCount: \"ALL\" is not one of [ACTUAL, THIRTY, ACTUAL_365]",
      "{\"kind\":\"days-of-service\",\"id\":\"d\",\"tiers\":[{\"lower\":0,\"upper\":\"all\",\"value\":1}]}"
          + "| /rule/tiers/0/upper: \"all\" is not a decimal",
      "{\"kind\":\"free-periods\",\"id\":\"f\",\"count\":1,\"valuation\":\"PRICE\"}"
          + "| /rule/valuation: \"PRICE\" is not one of [MONTHLY_PRICE, FULL_PERIOD_FEE]",
      "{\"kind\":\"free-periods\",\"id\":\"f\",\"count\":\"one\",\"valuation\":\"FULL_PERIOD_FEE\"}"
          + "| /rule/count: \"one\" is not a decimal",
      "{\"kind\":\"cap\",\"id\":\"c\",\"limit\":{\"type\":\"percent-of-fee\",\"percent\":50},\"child\":{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":\"x\"}}"
          + "| /rule/child/percent: \"x\" is not a decimal",
      "{\"kind\":\"cap\",\"id\":\"c\",\"limit\":{\"type\":\"percent-of-fee\",\"percent\":50},\"scope\":\"ALWAYS\",\"child\":{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":1}}"
          + "| /rule/scope: \"ALWAYS\" is not one of [PER_PERIOD, PER_INCIDENT]",
      "{\"kind\":\"when\",\"id\":\"w\",\"condition\":{\"type\":\"plan-in\",\"plans\":[\"a\"]},\"then\":{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":\"x\"}}"
          + "| /rule/then/percent: \"x\" is not a decimal",
      "{\"kind\":\"when\",\"id\":\"w\",\"condition\":{\"type\":\"plan-in\",\"plans\":[\"a\"]},\"then\":{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":1},\"otherwise\":{\"kind\":\"percent-of-fee\",\"id\":\"q\",\"percent\":\"x\"}}"
          + "| /rule/otherwise/percent: \"x\" is not a decimal",
      "{\"kind\":\"when\",\"id\":\"w\",\"condition\":{\"type\":\"plan-in\",\"plans\":[1]},\"then\":{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":1}}"
          + "| /rule/condition/plans/0: 1 is not a string",
      "{\"kind\":\"requires-claim\",\"id\":\"r\",\"deadline\":{\"kind\":\"DAYS_AFTER_PERIOD_END\",\"count\":30},\"child\":{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":\"x\"}}"
          + "| /rule/child/percent: \"x\" is not a decimal",
      "{\"kind\":\"requires-claim\",\"id\":\"r\",\"deadline\":{\"kind\":\"DAYS_AFTER_PERIOD_END\",\"count\":\"x\"},\"child\":{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":1}}"
          + "| /rule/deadline/count: \"x\" is not a whole number",
      "{\"kind\":\"per-outage\",\"id\":\"o\",\"child\":{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":\"x\"}}"
          + "| /rule/child/percent: \"x\" is not a decimal",
  })
  void aBadFieldOfARuleKindIsItsOnlyProblem(String rule, String problem) {
    assertThat(problems(grid(rule))).containsExactly(problem);
  }

  @Test
  void aRepeatedItemOfASetIsRefusedWhereItRepeats() {
    String doc = EVERY_PART.replace("\"plans\":[\"premium\"]", "\"plans\":[\"premium\",\"basic\",\"premium\"]");

    assertThat(problems(doc)).containsExactly("/rule/child/child/children/2/condition/plans/2: \"premium\" is repeated");
  }

  @Test
  void aNullItemOfAListIsRefusedWhereItStands() {
    String doc = EVERY_PART.replace("\"plans\":[\"premium\"]", "\"plans\":[\"premium\",null]");

    assertThat(problems(doc)).containsExactly("/rule/child/child/children/2/condition/plans/1: null must not be null");
  }

  /** A user rule that reads one field of every kind its arguments offer. */
  record Everything(String id, List<String> tags, int count, boolean strict, Instant from, Money fee,
      RoundingMode mode, BigDecimal nested, boolean hasNote) implements CreditRule {
    @Override
    public String kind() {
      return "everything";
    }

    @Override
    public Outcome evaluate(RuleContext context) {
      return Outcome.noCredit("not in this test");
    }
  }

  static final RuleTypes EVERYTHING = RuleTypes.builder().rule("everything", a -> new Everything(a.id(),
      a.strings("tags"), a.integer("count"), a.bool("strict"), a.instant("from"), a.money("fee"),
      a.choice("mode", RoundingMode.class), a.object("parameters").decimal("rate"), a.has("note"))).build();

  static final String EVERYTHING_RULE = "{\"kind\":\"everything\",\"id\":\"e\",\"tags\":[\"a\",\"b\"],\"count\":3,"
      + "\"strict\":true,\"from\":\"2007-12-01T05:00:00Z\",\"fee\":{\"currency\":\"USD\",\"amount\":\"20.00\"},"
      + "\"mode\":\"HALF_EVEN\",\"parameters\":{\"rate\":\"0.50\"},\"note\":null}";

  @Test
  void aUserRuleReadsEveryKindOfArgument() {
    Policy p = PolicyDocuments.with(EVERYTHING).read(grid(EVERYTHING_RULE)).value();

    // "0.50" is read in its shortest form, 0.5; a null "note" is not there.
    assertThat(p.rule()).isEqualTo(new Everything("e", List.of("a", "b"), 3, true,
        Instant.parse("2007-12-01T05:00:00Z"), Money.parse("USD 20.00"), RoundingMode.HALF_EVEN, new BigDecimal("0.5"),
        false));
  }

  @Test
  void aUserRuleSeesAFieldThatIsThere() {
    Policy p = PolicyDocuments.with(EVERYTHING).read(grid(EVERYTHING_RULE.replace("\"note\":null", "\"note\":\"hi\"")))
        .value();

    assertThat(((Everything) p.rule()).hasNote()).isTrue();
  }

  @Test
  void everyBadArgumentOfAUserRuleIsReportedWithItsPointer() {
    String bad = EVERYTHING_RULE.replace("[\"a\",\"b\"]", "\"a\"").replace("\"count\":3", "\"count\":3.5")
        .replace("\"strict\":true", "\"strict\":\"yes\"").replace("\"2007-12-01T05:00:00Z\"", "\"yesterday\"")
        .replace("\"20.00\"", "\"20.001\"").replace("\"HALF_EVEN\"", "\"EVEN\"").replace("\"0.50\"", "\"half\"")
        .replace("\"note\":null", "\"note\":null,\"extra\":1");

    assertThat(assertThrows(() -> PolicyDocuments.with(EVERYTHING).read(grid(bad)))).map(JsonProblem::toString)
        .containsExactly(
            "/rule/tags: \"a\" is not an array",
            "/rule/count: 3.5 is not a whole number",
            "/rule/strict: \"yes\" is not true or false",
            "/rule/from: \"yesterday\" is not an instant (such as \"2007-12-01T05:00:00Z\")",
            "/rule/fee/amount: \"20.001\" has more decimal places than USD allows (2)",
            "/rule/mode: \"EVEN\" is not one of [UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN, UNNECESSARY]",
            "/rule/parameters/rate: \"half\" is not a decimal",
            "/rule/extra: 1 is not a known field");
  }

  @Test
  void anUnknownFieldOfAUserRulesNestedObjectIsReported() {
    String bad = EVERYTHING_RULE.replace("{\"rate\":\"0.50\"}", "{\"rate\":\"0.50\",\"ceiling\":2}");

    assertThat(assertThrows(() -> PolicyDocuments.with(EVERYTHING).read(grid(bad)))).map(JsonProblem::toString)
        .containsExactly("/rule/parameters/ceiling: 2 is not a known field");
  }

  @Test
  void aUserRulesNestedObjectThatIsMissingIsRequired() {
    String bad = EVERYTHING_RULE.replace(",\"parameters\":{\"rate\":\"0.50\"}", "");

    assertThat(assertThrows(() -> PolicyDocuments.with(EVERYTHING).read(grid(bad)))).map(JsonProblem::toString)
        .containsExactly("/rule/parameters: (missing) is required", "/rule/parameters/rate: (missing) is required");
  }

  @Test
  void theKindsOfAPolicyWithTheSameIdAreNamedInTheUnknownKindMessage() {
    Map<String, String> unknown = Map.of("{\"kind\":\"loyalty\",\"id\":\"l\"}",
        "/rule/kind: \"loyalty\" is not a known rule kind; known: availability-tiers, per-block, prorated-multiple,"
            + " days-of-service, free-periods, percent-of-fee, flat-amount, sum, most-generous, first-match,"
            + " exactly-one, cap, when, requires-claim, per-outage, everything");
    unknown.forEach((rule, problem) -> assertThat(assertThrows(() -> PolicyDocuments.with(EVERYTHING).read(grid(rule))))
        .map(JsonProblem::toString).containsExactly(problem));
    assertThat(Rules.percentOfFee("p", BigDecimal.ONE).kind()).isEqualTo("percent-of-fee");
  }
}
