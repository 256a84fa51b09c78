package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.core.measure.Granularity;
import dev.amends.rules.Policy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A granularity of slices down more than a threshold, in policy documents. */
class SliceThresholdDocumentTest {
  static final PolicyDocuments DOCS = PolicyDocuments.standard();

  static String withGranularity(String granularity) {
    return """
        {"schema":"amends.policy/1","id":"hourly","version":1,"effectiveFrom":"2022-05-05T00:00:00Z",
         "measurementRules":{"granularity":%s},
         "rule":{"kind":"availability-tiers","id":"tiers","tiers":[{"lower":"0","upper":"99.5","value":"10"}]},
         "rounding":{"mode":"HALF_UP"}}""".formatted(granularity);
  }

  static List<String> problemsOf(String json) {
    return PolicyDocumentsTest.problemsOf(json).stream().map(JsonProblem::toString).toList();
  }

  @Test
  void aThresholdIsReadAndWrittenBackOnlyWhenSet() {
    Policy p = DOCS.read(withGranularity("{\"slice\":\"PT1H\",\"threshold\":\"PT18S\"}")).value();

    assertThat(p.measurementRules().granularity())
        .isEqualTo(Granularity.slicesDownMoreThan(Duration.ofHours(1), Duration.ofSeconds(18)));
    String written = PolicyDocuments.write(p);
    assertThat(written).contains(
        "\"granularity\":{\"type\":\"granularity\",\"isExact\":false,\"slice\":\"PT1H\","
            + "\"countsStartedSlices\":false,\"threshold\":\"PT18S\"}");
    Policy again = DOCS.read(written).value();
    assertThat(again).isEqualTo(p);
    assertThat(again.digest()).isEqualTo(p.digest());
    assertThat(DOCS.read(PolicyDocuments.writePretty(p)).value()).isEqualTo(p);

    // Without a threshold nothing new is written, so existing policies keep their text and digest.
    Policy completed = DOCS.read(withGranularity("{\"slice\":\"PT1H\",\"countsStartedSlices\":false}")).value();
    assertThat(PolicyDocuments.write(completed)).contains(
        "\"granularity\":{\"type\":\"granularity\",\"isExact\":false,\"slice\":\"PT1H\",\"countsStartedSlices\":false}");
    assertThat(PolicyDocuments.write(DOCS.read(withGranularity("{\"isExact\":true}")).value())).contains(
        "\"granularity\":{\"type\":\"granularity\",\"isExact\":true,\"slice\":null,\"countsStartedSlices\":false}");
  }

  @Test
  void aThresholdOfZeroReadsAsStartedSlicesAndANullThresholdAsNone() {
    assertThat(DOCS.read(withGranularity("{\"slice\":\"PT5M\",\"threshold\":\"PT0S\"}")).value()
        .measurementRules().granularity()).isEqualTo(Granularity.startedSlices(Duration.ofMinutes(5)));
    assertThat(DOCS.read(withGranularity("{\"slice\":\"PT5M\",\"countsStartedSlices\":false,\"threshold\":null}"))
        .value().measurementRules().granularity()).isEqualTo(Granularity.completedSlices(Duration.ofMinutes(5)));
  }

  @Test
  void aThresholdNotShorterThanTheSliceOrNegativeIsRefusedNamingTheField() {
    assertThat(problemsOf(withGranularity("{\"slice\":\"PT1H\",\"threshold\":\"PT1H\"}"))).containsExactly(
        "/measurementRules/granularity: {\"slice\",\"threshold\"…} is refused:"
            + " granularity.threshold must be shorter than the slice of PT1H: PT1H");
    assertThat(problemsOf(withGranularity("{\"slice\":\"PT1H\",\"threshold\":\"-PT1S\"}"))).containsExactly(
        "/measurementRules/granularity: {\"slice\",\"threshold\"…} is refused:"
            + " granularity.threshold must not be negative: PT-1S");
    assertThat(problemsOf(withGranularity("{\"slice\":\"PT1H\",\"threshold\":\"18s\"}"))).containsExactly(
        "/measurementRules/granularity/threshold: \"18s\" is not a duration (ISO 8601, such as \"PT30M\")");
  }

  @Test
  void aThresholdWithoutASliceOrWithStartedSlicesIsContradictory() {
    assertThat(problemsOf(withGranularity("{\"threshold\":\"PT18S\"}"))).singleElement().asString()
        .startsWith("/measurementRules/granularity: ").contains("is contradictory");
    assertThat(problemsOf(withGranularity("{\"slice\":\"PT1H\",\"countsStartedSlices\":true,\"threshold\":\"PT18S\"}")))
        .singleElement().asString()
        .contains("is contradictory: a \"threshold\" needs a \"slice\" and counts no started slices");
  }
}
