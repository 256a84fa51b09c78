package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.money.Rounding;
import dev.amends.rules.AvailabilityTiersRule;
import dev.amends.rules.Cap;
import dev.amends.rules.CapLimit;
import dev.amends.rules.CreditRule;
import dev.amends.rules.Outcome;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.RuleContext;
import dev.amends.rules.Rules;
import dev.amends.rules.Tier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyDocumentsTest {
  static final PolicyDocuments DOCS = PolicyDocuments.standard();

  /** The grid SLA of the story, built in Java as StoryEndToEndTest builds it. */
  static final Policy GRID_SLA = Policy.builder()
      .id("grid-sla").version(1)
      .effectiveFrom(Instant.parse("2007-01-01T05:00:00Z"))
      .measurementRules(MeasurementRules.builder().maintenanceNotice(Duration.ofHours(24)).build())
      .rule(Rules.availabilityTiers("tiers",
          Tier.range("99.0", "99.9", "10"), Tier.range("95.0", "99.0", "25"), Tier.range("0", "95.0", "100")))
      .rounding(Rounding.of(RoundingMode.HALF_UP))
      .build();

  static String example(String name) {
    try (InputStream in = PolicyDocumentsTest.class.getResourceAsStream("/policies/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static List<JsonProblem> problemsOf(String json) {
    try {
      DOCS.read(json);
    } catch (JsonDocumentException e) {
      return e.problems();
    }
    throw new AssertionError("the document was read: " + json);
  }

  static String sha256(String text) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A small valid document with one field replaced, as text. */
  static String grid(String rule) {
    return """
        {"schema":"amends.policy/1","id":"grid-sla","version":1,"effectiveFrom":"2007-01-01T05:00:00Z",
         "rule":%s,"rounding":{"mode":"HALF_UP"}}""".formatted(rule);
  }

  @Test
  void theGridDocumentIsTheStoryPolicy() {
    Loaded<Policy> loaded = DOCS.read(example("grid-sla.json"));

    // Same terms: the digest is computed from them (tier bounds 99.0 and 99 are one value).
    assertThat(loaded.value().digest()).isEqualTo(GRID_SLA.digest());
    assertThat(loaded.value().rule()).isInstanceOfSatisfying(AvailabilityTiersRule.class,
        t -> assertThat(t.tiers()).extracting(Tier::value).map(BigDecimal::toPlainString)
            .containsExactly("100", "25", "10"));
    // The document lists the tiers from the top down, as SLAs do: read sorted, no warning.
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void tiersInNeitherAscendingNorDescendingOrderAreReadSortedWithAWarning() {
    String doc = """
        {"schema": "amends.policy/1", "id": "mixed", "version": 1, "effectiveFrom": "2026-01-01T00:00:00Z",
         "rule": {"kind": "availability-tiers", "id": "tiers", "tiers": [
           {"lower": 95.0, "upper": 99.0, "value": 25},
           {"lower": 99.0, "upper": 99.9, "value": 10},
           {"lower": 0, "upper": 95.0, "value": 100}]},
         "rounding": {"mode": "HALF_UP"}}
        """;

    Loaded<Policy> loaded = DOCS.read(doc);

    assertThat(loaded.warnings()).extracting(JsonProblem::pointer, JsonProblem::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/rule/tiers",
            "are in neither ascending nor descending order; they are read sorted"));
    assertThat(loaded.value().rule()).isInstanceOfSatisfying(AvailabilityTiersRule.class,
        t -> assertThat(t.tiers()).extracting(Tier::value).map(BigDecimal::toPlainString)
            .containsExactly("100", "25", "10"));
  }

  @Test
  void theDigestIsTheSha256OfTheWrittenDocument() throws Exception {
    for (String name : List.of("grid-sla.json", "tiers-or-blocks-capped.json", "claims-and-conditions.json")) {
      Policy p = DOCS.read(example(name)).value();
      String written = PolicyDocuments.write(p);

      assertThat(sha256(written)).as(name).isEqualTo(p.digest());
      assertThat(written).as(name).startsWith("{\"schema\":\"amends.policy/1\",\"id\":");
    }
  }

  @Test
  void everyExampleReadsBackFromItsCanonicalAndPrettyDocuments() {
    for (String name : List.of("grid-sla.json", "tiers-or-blocks-capped.json", "claims-and-conditions.json")) {
      Policy p = DOCS.read(example(name)).value();

      assertThat(DOCS.read(PolicyDocuments.write(p)).value()).as(name).isEqualTo(p);
      assertThat(DOCS.read(PolicyDocuments.writePretty(p)).value()).as(name).isEqualTo(p);
      assertThat(PolicyDocuments.writePretty(p)).as(name).contains("\n  \"id\" : ");
    }
  }

  @Test
  void aDocumentReadsTheSameFromEverySource(@TempDir Path dir) throws Exception {
    String json = example("tiers-or-blocks-capped.json");
    Path file = Files.writeString(dir.resolve("sla.json"), json);
    Policy fromString = DOCS.read(json).value();

    assertThat(DOCS.read(new StringReader(json)).value()).isEqualTo(fromString);
    assertThat(DOCS.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).value())
        .isEqualTo(fromString);
    assertThat(DOCS.read(file).value()).isEqualTo(fromString);
    assertThatThrownBy(() -> DOCS.read(Files.writeString(dir.resolve("bad.json"), "{\"schema\":1}")))
        .isInstanceOf(JsonDocumentException.class).hasMessageStartingWith("policy document " + dir.resolve("bad.json"));
  }

  @Test
  void theExamplesTermsAreRead() {
    Policy p = DOCS.read(example("tiers-or-blocks-capped.json")).value();

    assertThat(p.rule()).isInstanceOfSatisfying(Cap.class, c -> {
      assertThat(c.limit()).isEqualTo(new CapLimit.PercentOfFee(new BigDecimal("100")));
      assertThat(c.scope()).isEqualTo(Rules.CapScope.PER_PERIOD);
    });
    assertThat(p.minimumCredit()).containsExactly(org.joda.money.Money.parse("USD 1.00"));
    assertThat(p.measurementRules().granularity())
        .isEqualTo(dev.amends.core.measure.Granularity.startedSlices(Duration.ofMinutes(1)));
    assertThat(p.measurementRules().excludedCauses()).hasSize(2);
  }

  @Test
  void everyProblemIsListedWithItsPointerInOnePass() {
    List<JsonProblem> problems = problemsOf("""
        {"schema":"amends.policy/1","id":"grid-sla","version":"1","effectiveFrom":"2007-01-01",
         "rule":{"kind":"availability-tiers","id":"tiers","tiers":[
            {"lower":"99.0","upper":"99.9","value":"10"},
            {"lower":"99,0","upper":"99.9","value":null,"colour":"red"}]},
         "rounding":{"mode":"HALF_SOMETIMES"},
         "measurementRules":{"maintenanceNotice":"24h"}}""");

    assertThat(problems).map(JsonProblem::toString).containsExactlyInAnyOrder(
        "/version: \"1\" is not a whole number",
        "/effectiveFrom: \"2007-01-01\" is not an instant (such as \"2007-12-01T05:00:00Z\")",
        "/measurementRules/maintenanceNotice: \"24h\" is not a duration (ISO 8601, such as \"PT30M\")",
        "/rounding/mode: \"HALF_SOMETIMES\" is not one of [UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN,"
            + " UNNECESSARY]",
        "/rule/tiers/1/lower: \"99,0\" is not a decimal",
        "/rule/tiers/1/value: null must not be null",
        "/rule/tiers/1/colour: \"red\" is not a known field");
  }

  @Test
  void missingFieldsAndWrongShapesAreNamed() {
    assertThat(problemsOf("{\"schema\":\"amends.policy/1\"}")).map(JsonProblem::toString).containsExactly(
        "/id: (missing) is required", "/version: (missing) is required", "/effectiveFrom: (missing) is required",
        "/rounding: (missing) is required", "/rule: (missing) is required");
    assertThat(problemsOf("[1,2]")).map(JsonProblem::toString).containsExactly("/: […2 items] is not an object");
    assertThat(problemsOf(grid("{\"kind\":\"sum\",\"id\":\"s\",\"children\":{}}"))).map(JsonProblem::toString)
        .containsExactly("/rule/children: {…} is not an array");
  }

  @Test
  void aDocumentOfAnotherSchemaIsRefused() {
    assertThat(problemsOf(grid("{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":5}")
        .replace("amends.policy/1", "amends.policy/2"))).map(JsonProblem::toString)
        .containsExactly("/schema: \"amends.policy/2\" is not \"amends.policy/1\", the schema this version reads");
  }

  @Test
  void rulesAreChosenByAllowListedNamesOnly() {
    assertThat(problemsOf(grid("{\"kind\":\"dev.amends.rules.PercentOfFeeRule\",\"id\":\"p\",\"percent\":5}")))
        .singleElement().satisfies(p -> {
          assertThat(p.pointer()).isEqualTo("/rule/kind");
          assertThat(p.message()).startsWith("is not a known rule kind (a class name is never a type here); known:"
              + " availability-tiers, per-block,");
        });
    assertThat(problemsOf(grid("{\"@class\":\"java.lang.ProcessBuilder\",\"kind\":\"percent-of-fee\",\"id\":\"p\","
        + "\"percent\":5}"))).map(JsonProblem::toString).containsExactly(
        "/rule/@class: \"java.lang.ProcessBuilder\" is not a known field (type information in a document is never used)");
    assertThat(problemsOf(grid("{\"kind\":\"when\",\"id\":\"w\",\"then\":{\"kind\":\"percent-of-fee\",\"id\":\"p\","
        + "\"percent\":5},\"condition\":{\"type\":\"Conditions$PlanIn\",\"plans\":[\"x\"]}}")))
        .singleElement().satisfies(p -> assertThat(p.message()).startsWith("is not a known condition type (a class"));
  }

  @Test
  void percentagesOverAHundredNeedTheDocumentToAllowThem() {
    String rule = "{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":\"150\"}";

    assertThat(problemsOf(grid(rule))).map(JsonProblem::toString).containsExactly(
        "/rule/percent: \"150\" is over 100 %; set \"allowsOverFullFee\": true to allow it");
    Policy allowed = DOCS.read(grid(rule).replace("\"version\":1", "\"version\":1,\"allowsOverFullFee\":true")).value();
    assertThat(allowed.allowsOverFullFee()).isTrue();
    assertThat(problemsOf(grid("{\"kind\":\"availability-tiers\",\"id\":\"t\",\"tiers\":[{\"lower\":0,"
        + "\"upper\":100,\"value\":101}]}"))).map(JsonProblem::pointer).containsExactly("/rule/tiers/0/value");
  }

  @Test
  void aCapAmountWithMoreDecimalsThanItsCurrencyIsRefusedNotRounded() {
    // The double nearest 0.1, written out: rounded to cents it would be a cap of 0.10 USD.
    String child = "{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":5}";
    assertThat(problemsOf(grid("{\"kind\":\"cap\",\"id\":\"c\",\"limit\":{\"type\":\"amount\",\"amounts\":["
        + "{\"amount\":0.1000000000000000055511151231257827,\"currency\":\"USD\"}]},\"child\":" + child + "}")))
        .map(JsonProblem::toString).containsExactly("/rule/limit/amounts/0/amount: 0.1000000000000000055511151231257827"
            + " has more decimal places than USD allows (2)");
  }

  @Test
  void capsOfZeroAreRefused() {
    String child = "{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":5}";

    assertThat(problemsOf(grid("{\"kind\":\"cap\",\"id\":\"c\",\"limit\":{\"type\":\"percent-of-fee\",\"percent\":0},"
        + "\"child\":" + child + "}"))).map(JsonProblem::toString)
        .containsExactly("/rule/limit/percent: 0 must be positive: a cap of zero or less gives nothing");
    assertThat(problemsOf(grid("{\"kind\":\"cap\",\"id\":\"c\",\"limit\":{\"type\":\"amount\",\"amounts\":["
        + "{\"currency\":\"USD\",\"amount\":5},{\"currency\":\"EUR\",\"amount\":\"0.00\"}]},\"child\":" + child + "}")))
        .map(JsonProblem::pointer).containsExactly("/rule/limit/amounts/1");
    assertThat(problemsOf(grid("{\"kind\":\"cap\",\"id\":\"c\",\"limit\":{\"type\":\"days\",\"days\":-1,"
        + "\"dayCount\":\"ACTUAL\"},\"child\":" + child + "}"))).map(JsonProblem::pointer)
        .containsExactly("/rule/limit/days");
  }

  @Test
  void thePolicysOwnChecksArePlacedAtTheNodeTheyName() {
    // A gap between 95 and 99, and the id "p" twice: Policy.build() finds both.
    List<JsonProblem> problems = problemsOf(grid("""
        {"kind":"sum","id":"s","children":[
          {"kind":"availability-tiers","id":"tiers","tiers":[
            {"lower":0,"upper":95,"value":25},{"lower":99,"upper":99.9,"value":10}]},
          {"kind":"percent-of-fee","id":"p","percent":1},
          {"kind":"percent-of-fee","id":"p","percent":2}]}"""));

    assertThat(problems).extracting(JsonProblem::pointer).containsExactly("/rule/children/0", "/rule/children/2");
    assertThat(problems.get(0).message()).contains("s/tiers").contains("gap");
    assertThat(problems.get(1).message()).isEqualTo("s/p repeats the node id \"p\" of s/p");
  }

  @Test
  void aProblemDeepInTheTreeIsPlacedAtItsOwnNodeNotItsParents() {
    // s/c/p twice, two levels down: the path is the whole id path, so the pointer is the repeat's own.
    List<JsonProblem> problems = problemsOf(grid("""
        {"kind":"sum","id":"s","children":[
          {"kind":"sum","id":"c","children":[
            {"kind":"percent-of-fee","id":"p","percent":1},
            {"kind":"percent-of-fee","id":"p","percent":2}]}]}"""));

    assertThat(problems).extracting(JsonProblem::pointer).containsExactly("/rule/children/0/children/1");
    assertThat(problems.get(0).message()).isEqualTo("s/c/p repeats the node id \"p\" of s/c/p");
  }

  @Test
  void unreachableFirstMatchBranchesAreWarnings() {
    Loaded<Policy> loaded = DOCS.read(grid("""
        {"kind":"first-match","id":"f","children":[
          {"kind":"per-block","id":"a","block":"PT30M","percentPerBlock":5},
          {"kind":"per-block","id":"b","block":"PT30M","percentPerBlock":"5.0"},
          {"kind":"percent-of-fee","id":"ten","percent":10},
          {"kind":"per-block","id":"c","block":"PT1H","percentPerBlock":5}]}"""));

    assertThat(loaded.warnings()).map(JsonProblem::toString).containsExactly(
        "/rule/children/1: {\"kind\",\"id\",\"block\",\"percentPerBlock\"…} never matches: it repeats \"a\", which is"
            + " tried first",
        "/rule/children/3: {\"kind\",\"id\",\"block\",\"percentPerBlock\"…} is never reached when the fee is positive:"
            + " \"ten\" before it gives a credit whenever the fee is positive");
  }

  @Test
  void decimalsAreExactAndInShortestForm() {
    Policy p = DOCS.read(grid("{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":12.50}")).value();
    Policy q = DOCS.read(grid("{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":\"1.25E+1\"}")).value();

    assertThat(((dev.amends.rules.PercentOfFeeRule) p.rule()).percent()).isEqualTo(new BigDecimal("12.5"));
    assertThat(q).isEqualTo(p);
    // Through double this would be 12345678901234568 (doubles have 15 to 17 significant digits).
    assertThat(((dev.amends.rules.FlatAmountRule) DOCS.read(grid("{\"kind\":\"flat-amount\",\"id\":\"f\","
        + "\"amounts\":[{\"currency\":\"USD\",\"amount\":12345678901234567.89}]}")).value().rule()).amounts())
        .containsExactly(org.joda.money.Money.parse("USD 12345678901234567.89"));
  }

  /** A rule a user wrote, registered under a name. */
  record Loyalty(String id, Duration minimum, BigDecimal percent) implements CreditRule {
    @Override
    public String kind() {
      return "loyalty";
    }

    @Override
    public Outcome evaluate(RuleContext context) {
      return Outcome.noCredit("not in this test");
    }
  }

  static final RuleTypes LOYALTY = RuleTypes.builder()
      .rule("loyalty", a -> new Loyalty(a.id(), a.duration("minimum"), a.decimal("percent")))
      .build();

  @Test
  void registeredRuleTypesAreReadAndWrittenBack() {
    Policy p = Policy.builder().from(GRID_SLA)
        .rule(Rules.sum("all", new Loyalty("loyal", Duration.ofHours(1), new BigDecimal("5")),
            Rules.percentOfFee("p", BigDecimal.ONE)))
        .build();
    String written = PolicyDocuments.write(p);

    assertThat(written).contains("{\"kind\":\"loyalty\",\"id\":\"loyal\",\"minimum\":\"PT1H\",\"percent\":5}");
    assertThat(PolicyDocuments.with(LOYALTY).read(written).value()).isEqualTo(p);
    assertThat(problemsOf(written)).map(JsonProblem::pointer).containsExactly("/rule/children/0/kind");
    assertThat(assertThrows(() -> PolicyDocuments.with(LOYALTY).read(written.replace("\"PT1H\"", "\"1h\"")
        .replace("\"percent\":5}", "\"percent\":5,\"bonus\":1}")))).map(JsonProblem::toString).containsExactly(
        "/rule/children/0/minimum: \"1h\" is not a duration (ISO 8601, such as \"PT30M\")",
        "/rule/children/0/bonus: 1 is not a known field");
  }

  @Test
  void aRegisteredTypeMustBuildARuleOfItsOwnKind() {
    RuleTypes wrong = RuleTypes.builder().rule("bonus", a -> new Loyalty(a.id(), a.duration("minimum"),
        a.decimal("percent"))).build();

    assertThat(assertThrows(() -> PolicyDocuments.with(wrong).read(grid(
        "{\"kind\":\"bonus\",\"id\":\"b\",\"minimum\":\"PT1H\",\"percent\":5}")))).map(JsonProblem::message)
        .containsExactly("was built as a rule of kind \"loyalty\", not \"bonus\": it would not be written back as read");
    assertThatThrownBy(() -> RuleTypes.builder().rule("com.example.Bonus", a -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never a class name");
    assertThatThrownBy(() -> RuleTypes.builder().rule("cap", a -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard kind");
  }

  @Test
  void aPolicyBookReadsBackWithItsVersions() {
    Policy v2 = Policy.builder().from(GRID_SLA).version(2).effectiveFrom(Instant.parse("2008-01-01T05:00:00Z"))
        .build();
    Policy v1 = Policy.builder().from(GRID_SLA).effectiveUntil(v2.effectiveFrom()).build();
    PolicyBook book = PolicyBook.of(v2, v1);
    String written = PolicyDocuments.write(book);

    assertThat(DOCS.readBook(written).value().policies()).extracting(Policy::digest)
        .containsExactly(v1.digest(), v2.digest());
    // v2 and the open-ended v1 overlap from 2008 on
    List<JsonProblem> overlap = assertThrows(() -> DOCS.readBook("{\"schema\":\"amends.policy-book/1\","
        + "\"policies\":[" + PolicyDocuments.write(v2) + "," + PolicyDocuments.write(GRID_SLA) + "]}"));
    assertThat(overlap).singleElement().satisfies(p -> assertThat(p.message()).contains("overlaps"));
  }

  @Test
  void theSchemaIsShippedAndServed() {
    assertThat(PolicyDocuments.schema()).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
  }

  static List<JsonProblem> assertThrows(org.assertj.core.api.ThrowableAssert.ThrowingCallable read) {
    try {
      read.call();
    } catch (JsonDocumentException e) {
      return e.problems();
    } catch (Throwable t) {
      throw new AssertionError("expected a JsonDocumentException", t);
    }
    throw new AssertionError("the document was read");
  }
}
