package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.rules.Campaign;
import dev.amends.rules.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hand-written policy schema checked field by field against the definitions, so that a field
 * added to a rule, condition, cap limit, measurement term or the policy cannot be left out of it.
 *
 * <p>Checked, not generated: the schema's value is its descriptions and its constraints (patterns,
 * ranges, enums, {@code minItems}), which the records do not hold; generating it would lose them or
 * move them into annotations. What can drift is the list of fields and which are required, and
 * that is what this test derives from the definitions, through the two places that already follow
 * them: the canonical writer, which writes every record component and value accessor by
 * reflection ({@code Canonical}), and the reader, which says {@code is required} of a field it
 * cannot do without.
 *
 * <p>Every object of the canonical documents of many generated policies (every standard kind,
 * combinator, cap limit, condition, measurement term and window; {@link
 * PolicyRoundTripProperties.Generator}) is matched to the schema object that describes it
 * (following {@code $ref}, the {@code if kind/type} branches and {@code oneOf}/{@code anyOf} by
 * their {@code type} constant). Then, for each closed schema object ({@code additionalProperties:
 * false}): the fields written are its properties and its properties are the fields written
 * (across all samples), and a field is in its {@code required}
 * exactly when the reader, given the document without that field, says it is required.
 */
class PolicySchemaFieldsTest {
  private static final JsonMapper MAPPER = JsonMapper.shared();
  private static final int SAMPLES = 300;
  private static final JsonNode POLICY_SCHEMA = MAPPER.readTree(PolicyDocuments.schema());
  private static final String POLICY_DEFS = "https://amends.dev/schemas/policy/1/policy.schema.json#/$defs/";
  private static final List<ObjectNode> DOCUMENTS = new ArrayList<>();
  private static final List<ObjectNode> CAMPAIGNS = new ArrayList<>();
  private static Walker shipped;

  private record Sample(ObjectNode document, String pointer) {}

  @BeforeAll
  static void walkTheSamples() {
    List<Policy> policies = new ArrayList<>();
    for (int seed = 0; seed < SAMPLES; seed++) {
      policies.add(new PolicyRoundTripProperties.Generator(new Random(seed)).policy());
    }
    for (String name : PolicySchemaTest.EXAMPLES) {
      policies.add(PolicyDocuments.standard().read(PolicyDocumentsTest.example(name)).value());
    }
    // Fields the generator never sets (left out of the canonical form when empty).
    policies.add(Policy.builder().from(policies.get(0)).addDescription("a policy with a description").build());
    policies.add(PolicyDocuments.standard().read(MeasurementWindowDocumentTest.QUARTERLY).value());
    for (Policy p : policies) {
      DOCUMENTS.add((ObjectNode) MAPPER.readTree(PolicyDocuments.write(p)));
    }
    Campaign reviewed = Campaign.builder().from(CampaignDocumentsTest.RICH)
        .addReviewAbove(org.joda.money.Money.parse("USD 500.00")).build();
    // a granularity with a threshold, the one measurement field the other campaigns leave out
    Campaign hourly = Campaign.builder().from(CampaignDocumentsTest.RICH)
        .measurementRules(dev.amends.core.measure.MeasurementRules.builder()
            .granularity(dev.amends.core.measure.Granularity.slicesDownMoreThan(
                java.time.Duration.ofHours(1), java.time.Duration.ofSeconds(18)))
            .build())
        .build();
    for (Campaign c : List.of(CampaignDocumentsTest.GOODWILL_JAVA, CampaignDocumentsTest.RICH, reviewed, hourly)) {
      CAMPAIGNS.add((ObjectNode) MAPPER.readTree(CampaignDocuments.write(c)));
    }
    shipped = new Walker(POLICY_SCHEMA, POLICY_SCHEMA, DOCUMENTS, json -> PolicyDocuments.standard().read(json));
  }

  @Test
  void everyFieldWrittenIsInTheSchemaAndEveryPropertyIsWritten() {
    assertThat(shipped.fieldDifferences()).isEmpty();
  }

  @Test
  void aPropertyIsRequiredExactlyWhenTheReaderRequiresIt() {
    assertThat(shipped.requiredDifferences()).isEmpty();
  }

  @Test
  void theSamplesReachEveryDefinitionOfTheSchema() {
    assertThat(shipped.reached).isEqualTo(new TreeSet<>(shipped.schema.get("$defs").propertyNames()));
    assertThat(shipped.closed).hasSizeGreaterThan(40); // every kind, condition, limit and value object
  }

  /** A campaign's own fields (its eligibility and grant are the policy schema's conditions and nodes, checked above). */
  @Test
  void theCampaignSchemaHasTheCampaignsFieldsAndRequiresWhatTheReaderRequires() {
    Walker campaigns = new Walker(MAPPER.readTree(CampaignDocuments.schema()), POLICY_SCHEMA, CAMPAIGNS,
        json -> CampaignDocuments.standard().read(json));

    assertThat(campaigns.closed).containsKey("#");
    assertThat(campaigns.fieldDifferences()).isEmpty();
    assertThat(campaigns.requiredDifferences()).isEmpty();
  }

  /** The check itself fails on a schema that lacks a field, has one too many or requires one wrongly. */
  @Test
  void aSchemaOutOfStepWithTheDefinitionsIsCaught() {
    ObjectNode lacking = (ObjectNode) MAPPER.readTree(PolicyDocuments.schema());
    ((ObjectNode) lacking.at("/$defs/kind-per-block/properties")).remove("count");
    assertThat(policies(lacking).fieldDifferences()).containsOnlyKeys("#/$defs/kind-per-block")
        .containsValue("written but not in the schema: [count]; in the schema but never written: []");

    ObjectNode extra = (ObjectNode) MAPPER.readTree(PolicyDocuments.schema());
    ((ObjectNode) extra.at("/$defs/tier/properties")).putObject("colour").put("type", "string");
    assertThat(policies(extra).fieldDifferences()).containsOnlyKeys("#/$defs/tier");

    ObjectNode wronglyRequired = (ObjectNode) MAPPER.readTree(PolicyDocuments.schema());
    ((tools.jackson.databind.node.ArrayNode) wronglyRequired.at("/$defs/kind-per-block/required")).add("count");
    assertThat(policies(wronglyRequired).requiredDifferences()).containsOnlyKeys("#/$defs/kind-per-block count");
  }

  private static Walker policies(JsonNode schema) {
    return new Walker(schema, schema, DOCUMENTS, json -> PolicyDocuments.standard().read(json));
  }

  /** Sample documents matched to one schema. */
  private static final class Walker {
    final JsonNode schema;
    /** The schema whose {@code $defs} references to the policy schema's definitions resolve in. */
    final JsonNode definitions;
    /** Reads a document; throws {@link JsonDocumentException} if it cannot. */
    final java.util.function.Consumer<String> reader;
    /** Per closed schema object (by its place in the schema): the fields the writer wrote there. */
    final Map<String, Set<String>> written = new TreeMap<>();
    /** Per closed schema object: its properties and required fields. */
    final Map<String, JsonNode> closed = new TreeMap<>();
    /** Per closed schema object and field: one document and the pointer of an object holding it. */
    final Map<String, Map<String, Sample>> first = new TreeMap<>();
    /** The {@code $defs} the samples reached. */
    final Set<String> reached = new TreeSet<>();

    Walker(JsonNode schema, JsonNode definitions, List<ObjectNode> documents, java.util.function.Consumer<String> reader) {
      this.schema = schema;
      this.definitions = definitions;
      this.reader = reader;
      for (ObjectNode doc : documents) {
        visit(schema, "#", doc, "", doc);
      }
    }

    Map<String, String> fieldDifferences() {
      Map<String, String> differences = new LinkedHashMap<>();
      closed.forEach((at, schema) -> {
        Set<String> properties = new TreeSet<>(schema.get("properties").propertyNames());
        Set<String> written = this.written.get(at);
        if (!properties.equals(written)) {
          Set<String> notInSchema = new TreeSet<>(written);
          notInSchema.removeAll(properties);
          Set<String> neverWritten = new TreeSet<>(properties);
          neverWritten.removeAll(written);
          differences.put(at, "written but not in the schema: " + notInSchema + "; in the schema but never written: "
              + neverWritten);
        }
      });
      return differences;
    }

    Map<String, String> requiredDifferences() {
      Map<String, String> differences = new LinkedHashMap<>();
      first.forEach((at, fields) -> fields.forEach((field, sample) -> {
        boolean inSchema = required(closed.get(at)).contains(field);
        boolean byReader = readerRequires(sample, field);
        if (inSchema != byReader) {
          differences.put(at + " " + field, (inSchema ? "required" : "optional") + " in the schema, "
              + (byReader ? "required" : "optional") + " by the reader (" + sample.pointer() + ")");
        }
      }));
      return differences;
    }

    /** Whether the reader, given the sample without the field, says the field is required. */
    private boolean readerRequires(Sample sample, String field) {
      ObjectNode doc = sample.document().deepCopy();
      ((ObjectNode) doc.at(JsonPointer.compile(sample.pointer()))).remove(field);
      String pointer = sample.pointer() + "/" + field.replace("~", "~0").replace("/", "~1");
      try {
        reader.accept(MAPPER.writeValueAsString(doc));
        return false;
      } catch (JsonDocumentException e) {
        return e.problems().stream().anyMatch(p -> p.pointer().equals(pointer) && p.message().startsWith("is required"));
      }
    }

    private static Set<String> required(JsonNode schema) {
      Set<String> out = new TreeSet<>();
      JsonNode r = schema.get("required");
      if (r != null) {
        r.forEach(n -> out.add(n.stringValue()));
      }
      return out;
    }

    /** Matches a value to the schema at {@code at}, recording what the writer wrote in closed objects. */
    private void visit(JsonNode schema, String at, JsonNode value, String pointer, ObjectNode doc) {
      if (schema.has("$ref")) {
        String ref = schema.get("$ref").stringValue();
        String name = definition(ref);
        reached.add(name);
        visit(definitions.get("$defs").get(name), "#/$defs/" + name, value, pointer, doc);
      }
      for (String choice : List.of("anyOf", "oneOf")) {
        JsonNode branches = schema.get(choice);
        if (branches != null && value.isContainer()) {
          int matched = 0;
          for (int i = 0; i < branches.size(); i++) {
            if (fits(branches.get(i), value)) {
              visit(branches.get(i), at + "/" + choice + "/" + i, value, pointer, doc);
              matched++;
            }
          }
          assertThat(matched).as("%s at %s: one branch of %s/%s fits", value, pointer, at, choice).isEqualTo(1);
        }
      }
      JsonNode all = schema.get("allOf");
      if (all != null && value.isObject()) {
        for (int i = 0; i < all.size(); i++) {
          JsonNode branch = all.get(i);
          if (branch.has("if") && tagMatches(branch.get("if"), value)) {
            visit(branch.get("then"), at + "/allOf/" + i + "/then", value, pointer, doc);
          }
        }
      }
      if (value.isObject() && schema.has("properties")) {
        JsonNode properties = schema.get("properties");
        boolean isClosed = schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true);
        if (isClosed) {
          closed.put(at, schema);
          Set<String> fields = written.computeIfAbsent(at, k -> new TreeSet<>());
          Map<String, Sample> firstOf = first.computeIfAbsent(at, k -> new TreeMap<>());
          for (String name : value.propertyNames()) {
            fields.add(name);
            if (!value.get(name).isNull()) {
              firstOf.putIfAbsent(name, new Sample(doc, pointer));
            }
          }
        }
        for (String name : value.propertyNames()) {
          JsonNode property = properties.get(name);
          if (property != null) {
            visit(property, at + "/properties/" + name, value.get(name), pointer + "/" + name, doc);
          }
        }
      }
      if (value.isArray() && schema.has("items")) {
        for (int i = 0; i < value.size(); i++) {
          visit(schema.get("items"), at + "/items", value.get(i), pointer + "/" + i, doc);
        }
      }
    }

    /** The name of a definition from its reference, local or into the policy schema. */
    private static String definition(String ref) {
      return ref.startsWith(POLICY_DEFS) ? ref.substring(POLICY_DEFS.length()) : ref.substring("#/$defs/".length());
    }

    /** Whether a branch of an {@code anyOf}/{@code oneOf} can describe a container value. */
    private boolean fits(JsonNode branch, JsonNode value) {
      JsonNode b = branch.has("$ref") ? definitions.get("$defs").get(definition(branch.get("$ref").stringValue())) : branch;
      if (b.has("anyOf") || b.has("oneOf")) {
        for (String choice : List.of("anyOf", "oneOf")) {
          if (b.has(choice)) {
            for (JsonNode inner : b.get(choice)) {
              if (fits(inner, value)) {
                return true;
              }
            }
          }
        }
        return false;
      }
      String type = b.has("type") ? b.get("type").stringValue() : (b.has("properties") ? "object" : "");
      return switch (type) {
        case "object" -> value.isObject() && tagMatches(b, value);
        case "array" -> value.isArray();
        default -> false;
      };
    }

    /** Whether the {@code kind} or {@code type} constants of a schema's properties, if any, are the value's. */
    private static boolean tagMatches(JsonNode schema, JsonNode value) {
      JsonNode properties = schema.get("properties");
      if (properties == null) {
        return true;
      }
      for (String tag : List.of("kind", "type")) {
        JsonNode constant = properties.has(tag) ? properties.get(tag).get("const") : null;
        if (constant != null && value.has(tag) && !constant.equals(value.get(tag))) {
          return false;
        }
      }
      return true;
    }
  }
}
