package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.amends.rules.MeasurementWindow;
import dev.amends.rules.Policy;
import org.junit.jupiter.api.Test;

/** {@code "measurementWindow"} in policy documents: read, written, in the schema and the digest only when present. */
class MeasurementWindowDocumentTest {
  static final String WITHOUT = """
      {"schema": "amends.policy/1", "id": "sla", "version": 1, "effectiveFrom": "2024-01-01T00:00:00Z",
       "rule": {"kind": "availability-tiers", "id": "tiers", "tiers": [
                {"lower": "99.0", "upper": "99.9", "value": "10"}, {"lower": "0", "upper": "99.0", "value": "25"}]},
       "rounding": {"mode": "HALF_UP"}}""";
  static final String QUARTERLY = WITHOUT.replace("\"rounding\"",
      "\"measurementWindow\": {\"type\": \"calendar-quarter\", \"periodsAfterEnd\": 1}, \"rounding\"");

  static Policy read(String json) {
    return PolicyDocuments.standard().read(json).value();
  }

  static JsonDocumentException refused(String json) {
    return catchThrowableOfType(JsonDocumentException.class, () -> PolicyDocuments.standard().read(json));
  }

  @Test
  void aPolicyWithoutAWindowKeepsItsCanonicalFormAndDigest() {
    Policy plain = read(WITHOUT);

    assertThat(plain.measurementWindow()).isEmpty();
    assertThat(plain.canonical()).doesNotContain("measurementWindow");
    // a null window is no window
    assertThat(read(WITHOUT.replace("\"rounding\"", "\"measurementWindow\": null, \"rounding\"")).digest())
        .isEqualTo(plain.digest());
  }

  @Test
  void theWindowIsReadWrittenValidAndChangesTheDigest() {
    Policy quarterly = read(QUARTERLY);

    assertThat(quarterly.measurementWindow()).contains(new MeasurementWindow.CalendarQuarter(1));
    assertThat(PolicyDocuments.write(quarterly))
        .contains("\"measurementWindow\":{\"type\":\"calendar-quarter\",\"periodsAfterEnd\":1}");
    assertThat(read(PolicyDocuments.write(quarterly))).isEqualTo(quarterly);
    assertThat(PolicySchemaTest.errors(QUARTERLY)).isEmpty();
    assertThat(PolicySchemaTest.errors(PolicyDocuments.writePretty(quarterly))).isEmpty();
    assertThat(quarterly.digest()).isNotEqualTo(read(WITHOUT).digest())
        .isNotEqualTo(read(QUARTERLY.replace("\"periodsAfterEnd\": 1", "\"periodsAfterEnd\": 0")).digest());
  }

  @Test
  void anOffsetOutOfRangeIsAProblemAtTheWindow() {
    String doc = QUARTERLY.replace("\"periodsAfterEnd\": 1", "\"periodsAfterEnd\": 13");

    assertThat(refused(doc).problems()).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/measurementWindow");
      assertThat(p.message()).contains("measurementWindow.periodsAfterEnd", "0 to 12");
    });
    assertThat(PolicySchemaTest.errors(doc)).isNotEmpty();
  }

  @Test
  void anUnknownWindowTypeIsAProblemNamingTheKnownOnes() {
    String doc = QUARTERLY.replace("calendar-quarter", "calendar-fortnight");

    // (its periodsAfterEnd is then also reported, as a field no known type has here)
    assertThat(refused(doc).problems()).first().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/measurementWindow/type");
      assertThat(p.message()).contains("calendar-quarter");
    });
    assertThat(PolicySchemaTest.errors(doc)).isNotEmpty();
  }

  @Test
  void aWindowWithALandingFeeCapIsAProblemAtTheCap() {
    String doc = QUARTERLY.replace("\"rule\": {", """
        "rule": {"kind": "cap", "id": "landing",
                 "limit": {"type": "percent-of-landing-fee", "percent": "100", "periodsLater": 1},
                 "child": {""").replace("\"rounding\": {\"mode\"", "\"rounding\": {\"mode\"");
    doc = doc.replace("\"value\": \"25\"}]},", "\"value\": \"25\"}]}},");

    assertThat(refused(doc).problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("percent-of-landing-fee", "measurementWindow"));
  }

  static final String ROLLING = WITHOUT.replace("\"rounding\"",
      "\"measurementWindow\": {\"type\": \"rolling-days\", \"days\": 365}, \"rounding\"");

  @Test
  void aRollingWindowIsReadWrittenValidAndChangesTheDigest() {
    Policy rolling = read(ROLLING);

    assertThat(rolling.measurementWindow()).contains(new MeasurementWindow.RollingDays(365));
    assertThat(PolicyDocuments.write(rolling)).contains("\"measurementWindow\":{\"type\":\"rolling-days\",\"days\":365}");
    assertThat(read(PolicyDocuments.write(rolling))).isEqualTo(rolling);
    assertThat(PolicySchemaTest.errors(ROLLING)).isEmpty();
    assertThat(PolicySchemaTest.errors(PolicyDocuments.writePretty(rolling))).isEmpty();
    assertThat(rolling.digest()).isNotEqualTo(read(WITHOUT).digest())
        .isNotEqualTo(read(ROLLING.replace("\"days\": 365", "\"days\": 366")).digest());
  }

  @Test
  void aRollingWindowOfNoDaysIsAProblemAtTheWindow() {
    String doc = ROLLING.replace("\"days\": 365", "\"days\": 0");

    assertThat(refused(doc).problems()).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/measurementWindow");
      assertThat(p.message()).contains("measurementWindow.days", "1 to 3660");
    });
    assertThat(PolicySchemaTest.errors(doc)).isNotEmpty();
    assertThat(PolicySchemaTest.errors(ROLLING.replace("\"days\": 365", "\"days\": 3661"))).isNotEmpty();
    assertThat(refused(ROLLING.replace(", \"days\": 365", "")).problems()).singleElement()
        .satisfies(p -> assertThat(p.pointer()).isEqualTo("/measurementWindow/days"));
  }
}
