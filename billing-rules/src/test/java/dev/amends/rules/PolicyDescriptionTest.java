package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.amends.rules.json.JsonDocumentException;
import dev.amends.rules.json.PolicyDocuments;
import org.junit.jupiter.api.Test;

/** {@link Policy#description()}: lines for people, in the document and the digest only when present. */
class PolicyDescriptionTest {
  static final String WITHOUT = """
      {"schema": "amends.policy/1", "id": "sla", "version": 1, "effectiveFrom": "2024-01-01T00:00:00Z",
       "rule": {"kind": "flat-amount", "id": "a", "amounts": [{"amount": "1.00", "currency": "USD"}]},
       "rounding": {"mode": "HALF_UP"}}""";

  @Test
  void aPolicyWithoutADescriptionKeepsItsCanonicalFormAndDigest() {
    Policy plain = PolicyDocuments.standard().read(WITHOUT).value();

    assertThat(plain.description()).isEmpty();
    // the canonical form as it was before the field existed: nothing after "allowsOverFullFee"
    assertThat(plain.canonical()).doesNotContain("description").endsWith("\"allowsOverFullFee\":false}");
  }

  @Test
  void theDescriptionIsReadWrittenInOrderAndChangesTheDigest() {
    String with = WITHOUT.replace("\"rounding\"",
        "\"description\": [\"Source: a provider's SLA of 1 May 2024\", \"Left to you: the price\"], \"rounding\"");

    Policy plain = PolicyDocuments.standard().read(WITHOUT).value();
    Policy described = PolicyDocuments.standard().read(with).value();

    assertThat(described.description())
        .containsExactly("Source: a provider's SLA of 1 May 2024", "Left to you: the price");
    assertThat(PolicyDocuments.write(described))
        .endsWith("\"description\":[\"Source: a provider's SLA of 1 May 2024\",\"Left to you: the price\"]}");
    assertThat(PolicyDocuments.standard().read(PolicyDocuments.write(described)).value()).isEqualTo(described);
    assertThat(described.digest()).isNotEqualTo(plain.digest());
  }

  @Test
  void aLineWithALineBreakIsAProblemNamingTheLine() {
    String doc = WITHOUT.replace("\"rounding\"", "\"description\": [\"one\", \"two\\nthree\"], \"rounding\"");

    JsonDocumentException e = catchThrowableOfType(JsonDocumentException.class,
        () -> PolicyDocuments.standard().read(doc));

    assertThat(e.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("policy.description[1]", "two\\u000athree"));
  }
}
