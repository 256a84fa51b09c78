package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.amends.core.measure.MeasurementRules;
import dev.amends.core.money.Rounding;
import dev.amends.core.scope.Scope;
import dev.amends.rules.Campaign;
import dev.amends.rules.Conditions;
import dev.amends.rules.Rules;
import java.io.ByteArrayInputStream;
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
import java.util.Map;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Goodwill campaigns as JSON documents: read strictly, written canonically, checked by the schema. */
class CampaignDocumentsTest {
  static final CampaignDocuments DOCS = CampaignDocuments.standard();

  /** The story's goodwill, as the grid-2007 example writes it. */
  static final String GOODWILL = """
      {
        "schema": "amends.campaign/1",
        "id": "goodwill-2007",
        "eligibleAt": "2007-12-10T17:00:00Z",
        "eligibility": { "type": "placed-under", "scope": "grid" },
        "unit": "PER_SUBSCRIPTION",
        "grant": { "kind": "free-periods", "id": "two-months-free", "count": 2, "valuation": "MONTHLY_PRICE" },
        "rounding": { "mode": "HALF_UP" }
      }
      """;

  /** The same campaign built in Java, as StoryEndToEndTest builds it. */
  static final Campaign GOODWILL_JAVA = Campaign.builder().id("goodwill-2007")
      .eligibleAt(Instant.parse("2007-12-10T17:00:00Z"))
      .eligibility(Conditions.placedUnder(Scope.of("grid")))
      .unit(Campaign.Unit.PER_SUBSCRIPTION)
      .grant(Rules.freePeriods("two-months-free", new BigDecimal("2"), Rules.FreePeriodValue.MONTHLY_PRICE))
      .rounding(Rounding.of(RoundingMode.HALF_UP))
      .build();

  /** Per account, with an outage condition, a capped sum and measurement rules: every part written. */
  static final Campaign RICH = Campaign.builder().id("storage-apology")
      .eligibleAt(Instant.parse("2007-12-20T17:00:00Z"))
      .eligibility(Conditions.all(Conditions.affectedByOutageTagged("storage"), Conditions.inGoodStandingAtIncident()))
      .unit(Campaign.Unit.PER_ACCOUNT)
      .grant(Rules.cap("cap", dev.amends.rules.CapLimit.amount(Money.parse("USD 100.00")),
          Rules.sum("both", Rules.percentOfFee("half", new BigDecimal("150")),
              Rules.flatAmount("flat", Money.parse("USD 5.00"), Money.parse("EUR 4.50")))))
      .rounding(Rounding.of(RoundingMode.DOWN))
      .measurementRules(MeasurementRules.builder().maintenanceNotice(Duration.ofHours(48)).build())
      .build();

  static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
          b -> b.schemas(Map.of(PolicyDocuments.SCHEMA_ID, PolicyDocuments.schema())))
      .getSchema(CampaignDocuments.schema(), InputFormat.JSON);

  static List<JsonProblem> problemsOf(String json) {
    try {
      DOCS.read(json);
    } catch (JsonDocumentException e) {
      return e.problems();
    }
    throw new AssertionError("expected the document to be rejected: " + json);
  }

  static String sha256(String text) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theStorysGoodwillReadsAsTheCampaignBuiltInJava() {
    Loaded<Campaign> loaded = DOCS.read(GOODWILL);

    assertThat(loaded.value()).isEqualTo(GOODWILL_JAVA);
    assertThat(loaded.value().digest()).isEqualTo(GOODWILL_JAVA.digest());
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void theCanonicalFormIsTheCanonicalDocumentAndTheDigestItsSha256() throws Exception {
    String json = CampaignDocuments.write(GOODWILL_JAVA);

    assertThat(json).isEqualTo(GOODWILL_JAVA.canonical())
        .startsWith("{\"schema\":\"amends.campaign/1\",\"id\":\"goodwill-2007\",\"eligibleAt\":\"2007-12-10T17:00:00Z\","
            + "\"eligibility\":{\"type\":\"placed-under\",\"scope\":\"grid\"},\"unit\":\"PER_SUBSCRIPTION\","
            + "\"grant\":{\"kind\":\"free-periods\",\"id\":\"two-months-free\",\"count\":2,"
            + "\"valuation\":\"MONTHLY_PRICE\"},\"rounding\":{\"type\":\"rounding\",\"mode\":\"HALF_UP\",\"increment\":null},"
            + "\"measurementRules\":{");
    assertThat(GOODWILL_JAVA.digest()).isEqualTo(sha256(json));
  }

  @Test
  void everyCampaignReadsBackFromItsCanonicalAndPrettyDocumentsEqualWithTheSameDigest() {
    for (Campaign c : List.of(GOODWILL_JAVA, RICH)) {
      Campaign back = DOCS.read(CampaignDocuments.write(c)).value();
      Campaign pretty = DOCS.read(CampaignDocuments.writePretty(c)).value();

      assertThat(back).as(c.id()).isEqualTo(c);
      assertThat(back.digest()).as(c.id()).isEqualTo(c.digest());
      assertThat(pretty).as(c.id()).isEqualTo(c);
    }
  }

  @Test
  void aReviewLimitReadsBackAndLeavesTheDigestOfCampaignsWithoutOneAlone() {
    Campaign limited = Campaign.builder().from(GOODWILL_JAVA)
        .reviewAbove(List.of(org.joda.money.Money.parse("USD 500.00"))).build();

    Campaign back = DOCS.read(CampaignDocuments.write(limited)).value();

    assertThat(back).isEqualTo(limited);
    assertThat(CampaignDocuments.write(limited)).contains("\"reviewAbove\":[{\"currency\":\"USD\",\"amount\":500.00}]");
    assertThat(CampaignDocuments.write(GOODWILL_JAVA)).doesNotContain("reviewAbove");
  }

  @Test
  void aCampaignFileReadsAsItsStringAndNamesTheFileInItsProblems(@TempDir Path dir) throws Exception {
    Path good = Files.writeString(dir.resolve("goodwill.json"), GOODWILL);
    Path bad = Files.writeString(dir.resolve("bad.json"), GOODWILL.replace("\"unit\": \"PER_SUBSCRIPTION\",", ""));

    assertThat(DOCS.read(good).value()).isEqualTo(GOODWILL_JAVA);
    assertThat(DOCS.read(new ByteArrayInputStream(GOODWILL.getBytes(StandardCharsets.UTF_8))).value())
        .isEqualTo(GOODWILL_JAVA);
    assertThatThrownBy(() -> DOCS.read(bad)).isInstanceOf(JsonDocumentException.class)
        .hasMessageContaining("campaign document " + bad).hasMessageContaining("/unit");
  }

  @Test
  void aFileIsACampaignOnlyIfItsSchemaSaysSo(@TempDir Path dir) throws Exception {
    assertThat(CampaignDocuments.isCampaign(Files.writeString(dir.resolve("c.json"), GOODWILL))).isTrue();
    assertThat(CampaignDocuments.isCampaign(Files.writeString(dir.resolve("p.json"),
        PolicyDocuments.write(PolicyDocumentsTest.GRID_SLA)))).isFalse();
    assertThat(CampaignDocuments.isCampaign(Files.writeString(dir.resolve("x.json"), "{\"schema\": "))).isFalse();
    assertThat(CampaignDocuments.isCampaign(Files.writeString(dir.resolve("a.json"), "[\"amends.campaign/1\"]")))
        .isFalse();
  }

  @Test
  void aBadDocumentListsEveryProblemWithItsPointerValueAndRule() {
    String bad = GOODWILL
        .replace("amends.campaign/1", "amends.policy/1")
        .replace("2007-12-10T17:00:00Z", "2007-12-10")
        .replace("\"placed-under\"", "\"placed-over\"")
        .replace("PER_SUBSCRIPTION", "per-customer")
        .replace("\"count\": 2", "\"count\": \"two\"")
        .replace("\"HALF_UP\"", "\"HALF_UP\", \"colour\": \"red\"");

    assertThat(problemsOf(bad)).extracting(JsonProblem::pointer).containsExactly(
        "/schema", "/eligibleAt", "/eligibility/type", "/unit", "/grant/count", "/rounding/colour");
    assertThat(problemsOf(bad)).extracting(JsonProblem::toString).anySatisfy(p -> assertThat(p)
        .contains("/unit").contains("per-customer").contains("is not one of [PER_ACCOUNT, PER_SUBSCRIPTION]"));
    assertThat(problemsOf(bad)).extracting(JsonProblem::toString).anySatisfy(p -> assertThat(p)
        .contains("/schema").contains("is not \"amends.campaign/1\""));
  }

  @Test
  void aMissingFieldIsNamedAndAGrantTreeProblemIsPlacedAtItsNode() {
    assertThat(problemsOf("{\"schema\": \"amends.campaign/1\"}")).extracting(JsonProblem::pointer)
        .containsExactly("/id", "/eligibleAt", "/eligibility", "/unit", "/grant", "/rounding");

    String twins = GOODWILL.replace(
        "\"grant\": { \"kind\": \"free-periods\", \"id\": \"two-months-free\", \"count\": 2, \"valuation\": \"MONTHLY_PRICE\" }",
        "\"grant\": { \"kind\": \"sum\", \"id\": \"both\", \"children\": ["
            + "{ \"kind\": \"flat-amount\", \"id\": \"same\", \"amounts\": [{\"currency\": \"USD\", \"amount\": 5}] },"
            + "{ \"kind\": \"flat-amount\", \"id\": \"same\", \"amounts\": [{\"currency\": \"USD\", \"amount\": 6}] }] }");
    assertThat(twins).contains("\"kind\": \"sum\"");
    assertThat(problemsOf(twins)).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/grant/children/1");
      assertThat(p.message()).contains("same");
    });
  }

  @Test
  void aGrantMayBeWorthMoreThanTheFee() {
    String json = GOODWILL.replace(
        "{ \"kind\": \"free-periods\", \"id\": \"two-months-free\", \"count\": 2, \"valuation\": \"MONTHLY_PRICE\" }",
        "{ \"kind\": \"percent-of-fee\", \"id\": \"double\", \"percent\": 200 }");

    assertThat(DOCS.read(json).value().grant()).isEqualTo(Rules.percentOfFee("double", new BigDecimal("200")));
  }

  @Test
  void theDocumentsAndTheirCanonicalFormsAreValidUnderTheCampaignSchema() {
    assertThat(SCHEMA.validate(GOODWILL, InputFormat.JSON)).isEmpty();
    for (Campaign c : List.of(GOODWILL_JAVA, RICH)) {
      assertThat(SCHEMA.validate(CampaignDocuments.write(c), InputFormat.JSON)).as(c.id()).isEmpty();
      assertThat(SCHEMA.validate(CampaignDocuments.writePretty(c), InputFormat.JSON)).as(c.id()).isEmpty();
    }
  }

  /** Each is the goodwill document with one thing wrong; the schema rejects it. */
  @ParameterizedTest
  @ValueSource(strings = {
      "amends.campaign/1|amends.policy/1",
      "\"unit\": \"PER_SUBSCRIPTION\",|",
      "PER_SUBSCRIPTION|per-subscription",
      "\"placed-under\"|\"placed-over\"",
      "\"free-periods\"|\"dev.amends.rules.FreePeriodsRule\"",
      "\"id\": \"goodwill-2007\",|\"id\": \"goodwill-2007\", \"@class\": \"java.lang.Runtime\",",
      "2007-12-10T17:00:00Z|2007-12-10",
      "\"HALF_UP\"|\"UNNECESSARY\"",
  })
  void aBadDocumentIsRejectedByTheSchemaAndTheReader(String edit) {
    String[] parts = edit.split("\\|", -1);
    assertThat(GOODWILL).contains(parts[0]);
    String bad = GOODWILL.replaceFirst(java.util.regex.Pattern.quote(parts[0]),
        java.util.regex.Matcher.quoteReplacement(parts[1]));

    assertThat(SCHEMA.validate(bad, InputFormat.JSON)).as(bad).isNotEmpty();
    assertThat(problemsOf(bad)).as(bad).isNotEmpty();
  }
}
