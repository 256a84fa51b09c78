package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.amends.rules.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped JSON Schema, checked with a maintained validator (networknt, draft 2020-12). */
class PolicySchemaTest {
  static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(PolicyDocuments.schema(), InputFormat.JSON);
  static final List<String> EXAMPLES = List.of("grid-sla.json", "tiers-or-blocks-capped.json",
      "claims-and-conditions.json");

  static List<Error> errors(String json) {
    return SCHEMA.validate(json, InputFormat.JSON);
  }

  @Test
  void everyExamplePolicyAndItsCanonicalFormAreValid() {
    for (String name : EXAMPLES) {
      String json = PolicyDocumentsTest.example(name);
      Policy p = PolicyDocuments.standard().read(json).value();

      assertThat(errors(json)).as(name).isEmpty();
      assertThat(errors(PolicyDocuments.write(p))).as(name + " canonical").isEmpty();
      assertThat(errors(PolicyDocuments.writePretty(p))).as(name + " pretty").isEmpty();
    }
  }

  @Test
  void theSchemaListsTheStandardKindsTheReaderReads() {
    JsonNode defs = JsonMapper.shared().readTree(PolicyDocuments.schema()).get("$defs");
    Set<String> kinds = new TreeSet<>();
    for (String name : defs.propertyNames()) {
      if (name.startsWith("kind-")) {
        kinds.add(name.substring("kind-".length()));
      }
    }
    assertThat(kinds).isEqualTo(new TreeSet<>(PolicyReader.STANDARD_KINDS));
  }

  /** Each is the grid policy with one thing wrong, and the keyword that catches it. */
  @ParameterizedTest
  @ValueSource(strings = {
      "\"schema\": \"amends.policy/1\",|",                                   // no schema
      "amends.policy/1|amends.policy/2",                                      // another schema
      "\"version\": 1|\"version\": 0",                                        // version below 1
      "\"version\": 1|\"version\": \"1\"",                                    // version as text
      "\"availability-tiers\"|\"dev.amends.rules.AvailabilityTiersRule\"",    // a class name as kind
      "\"id\": \"grid-sla\",|\"id\": \"grid-sla\", \"@class\": \"java.lang.Runtime\",",
      "\"lower\": \"99.0\"|\"lower\": \"99,0\"",                              // not a decimal
      "\"lower\": \"99.0\"|\"lower\": 99.0, \"colour\": \"red\"",            // unknown field in a tier
      "\"mode\": \"HALF_UP\"|\"mode\": \"UNNECESSARY\"",                      // a mode a policy may not use
      "\"id\": \"tiers\",|",                                                  // a node without id
      "\"maintenanceNotice\": \"PT24H\"|\"maintenanceNotice\": 86400",       // a duration as a number
      "\"effectiveFrom\": \"2007-01-01T05:00:00Z\"|\"effectiveFrom\": \"2007-01-01\"",
      "\"value\": \"10\"|\"value\": null",                                   // null where a value is required
  })
  void aBadDocumentIsRejected(String edit) {
    String[] parts = edit.split("\\|", -1);
    String json = PolicyDocumentsTest.example("grid-sla.json");
    assertThat(json).contains(parts[0]);
    String bad = json.replaceFirst(java.util.regex.Pattern.quote(parts[0]),
        java.util.regex.Matcher.quoteReplacement(parts[1]));

    assertThat(errors(bad)).as(bad).isNotEmpty();
    // The reader refuses it too.
    assertThat(PolicyDocumentsTest.problemsOf(bad)).isNotEmpty();
  }

  @Test
  void badConditionsAndLimitsAreRejectedToo() {
    List<String> bad = new ArrayList<>();
    String child = "{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":5}";
    bad.add(PolicyDocumentsTest.grid("{\"kind\":\"cap\",\"id\":\"c\",\"limit\":{\"type\":\"PercentOfFee\","
        + "\"percent\":5},\"child\":" + child + "}"));
    bad.add(PolicyDocumentsTest.grid("{\"kind\":\"when\",\"id\":\"w\",\"condition\":{\"type\":\"plan-in\","
        + "\"plans\":[\"a\"],\"expression\":\"T(java.lang.Runtime).exec('x')\"},\"then\":" + child + "}"));
    bad.add(PolicyDocumentsTest.grid("{\"kind\":\"flat-amount\",\"id\":\"f\",\"amounts\":[{\"amount\":5}]}"));
    for (String json : bad) {
      assertThat(errors(json)).as(json).isNotEmpty();
      assertThat(PolicyDocumentsTest.problemsOf(json)).as(json).isNotEmpty();
    }
  }
}
