package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record and decision schemas against the readers and writers: every valid example validates,
 * every field a reader knows is in its schema and every field of a schema is known to the reader
 * (so a field cannot be added to one and missed in the other), and every field is described.
 */
class RecordSchemaTest {
  private static final JsonMapper JSON = JsonMapper.shared();

  /** One line of each record kind using every field the format has (telemetry has two shapes). */
  static final Map<String, List<String>> FULL_LINES = Map.of(
      "accounts", List.of("{\"id\":\"acct-1\",\"currency\":\"USD\",\"zone\":\"America/New_York\","
          + "\"billing\":{\"cycle\":\"MONTHLY\",\"anchor\":\"2024-01-31\"},"
          + "\"standing\":[{\"from\":\"2024-03-01T00:00:00Z\",\"status\":\"OVERDUE\"}],\"customerSince\":\"2005-03-01\","
          + "\"tags\":[\"vip\"],\"subscriptions\":[{\"id\":\"sub-1\",\"plan\":\"grid\",\"prices\":[{\"effectiveFrom\":"
          + "\"2024-01-01\",\"amount\":{\"amount\":\"20.00\",\"currency\":\"USD\"},\"per\":\"MONTHLY\"}],"
          + "\"active\":{\"start\":\"2024-01-01T05:00:00Z\",\"end\":\"2025-01-01T05:00:00Z\"},"
          + "\"placements\":[\"grid/cluster-2\"],\"seats\":3,\"tags\":[\"eu\"]}]}"),
      "outages", List.of("{\"id\":\"M-1\",\"scopes\":[\"grid/cluster-2\"],\"window\":{\"start\":\"2007-12-01T05:00:00Z\","
          + "\"end\":\"2007-12-01T18:00:00Z\"},\"kind\":\"MAINTENANCE\",\"announcement\":{\"announcedAt\":"
          + "\"2007-11-21T05:00:00Z\",\"window\":{\"start\":\"2007-12-01T05:00:00Z\",\"end\":\"2007-12-01T11:00:00Z\"}},"
          + "\"impact\":{\"level\":\"FULL\",\"affectedShare\":\"1/3\"},\"cause\":\"PROVIDER\","
          + "\"reportedAt\":\"2007-12-01T06:00:00Z\",\"tags\":[\"storage\"]}"),
      "telemetry", List.of(
          "{\"scope\":\"api\",\"window\":{\"start\":\"2026-03-01T00:00:00Z\",\"end\":\"2026-03-01T00:01:00Z\"},"
              + "\"good\":9400,\"total\":10000}",
          "{\"scope\":\"api\",\"window\":{\"start\":\"2026-03-01T00:00:00Z\",\"end\":\"2026-03-01T00:01:00Z\"},"
              + "\"errorRate\":\"0.06\"}"),
      "claims", List.of("{\"accountId\":\"acct-1\",\"id\":\"CLM-1\",\"filedAt\":\"2007-12-05T14:00:00Z\","
          + "\"subscriptionId\":\"sub-1\",\"outageIds\":[\"M-1\"],\"evidence\":[\"ticket 4711\"]}"),
      "issued-credits", List.of("{\"accountId\":\"acct-1\",\"periodStart\":\"2007-12-01\",\"key\":\"cr-abc\","
          + "\"amount\":{\"amount\":\"2.00\",\"currency\":\"USD\"},\"policyId\":\"grid-sla\",\"subscriptionId\":\"sub-1\","
          + "\"rulePath\":\"tiers\",\"days\":\"5/2\"}"),
      "carried-credits", List.of("{\"accountId\":\"acct-1\",\"periodStart\":\"2007-12-01\",\"subscriptionId\":\"sub-1\","
          + "\"policyId\":\"grid-sla\",\"capPath\":\"sla\",\"amount\":{\"amount\":\"3.00\",\"currency\":\"USD\"}}"));

  static RecordFormat<?> format(String kind) {
    return RecordFormat.all().stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
  }

  static Schema schema(String text) {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
  }

  static List<Error> errors(Schema schema, String line) {
    return schema.validate(line, InputFormat.JSON);
  }

  static List<String> goldenDecisionLines() {
    List<String> lines = new ArrayList<>();
    for (String name : List.of("story-2007-batch.ndjson", "decision-features.ndjson")) {
      try {
        Files.readAllLines(Path.of("src/test/resources/golden", name)).stream().filter(l -> !l.isBlank())
            .forEach(lines::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lines;
  }

  @Test
  void everyFormatHasASchemaNamedByItsKind() {
    assertThat(RecordFormat.all()).extracting(RecordFormat::kind)
        .containsExactly("accounts", "outages", "telemetry", "claims", "issued-credits", "carried-credits");
    for (RecordFormat<?> f : RecordFormat.all()) {
      JsonNode s = JSON.readTree(f.schema());
      assertThat(s.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(s.get("$id").asString()).isEqualTo("https://amends.dev/schemas/records/1/" + f.kind() + ".schema.json");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"accounts", "outages", "telemetry", "claims", "issued-credits", "carried-credits"})
  void aFullLineIsReadAndValidatesAndSoDoesWhatTheWriterWritesOfIt(String kind) {
    RecordFormat<?> format = format(kind);
    Schema schema = schema(format.schema());
    for (String line : FULL_LINES.get(kind)) {
      assertThat(errors(schema, line)).as(line).isEmpty();
      assertThat(errors(schema, rewritten(format, line))).as("written again: " + line).isEmpty();
    }
  }

  private static <T> String rewritten(RecordFormat<T> format, String line) {
    return format.toLine(format.fromLine(line));
  }

  /** Lines the readers reject that the schema must reject too. */
  @ParameterizedTest
  @ValueSource(strings = {
      "accounts|\"currency\":\"USD\"|\"currency\":\"usd\"",
      "accounts|\"seats\":3|\"seats\":0",
      "accounts|\"per\":\"MONTHLY\"|\"per\":\"WEEKLY\"",
      "accounts|\"tags\":[\"vip\"],|\"colour\":\"red\",",
      "outages|\"kind\":\"MAINTENANCE\"|\"kind\":\"maintenance\"",
      "outages|\"end\":\"2007-12-01T18:00:00Z\"|\"end\":\"2007-12-01\"",
      "outages|\"affectedShare\":\"1/3\"|\"affectedShare\":\"a third\"",
      "telemetry|\"good\":9400,|\"errorRate\":\"0.06\",\"good\":9400,",
      "telemetry|\"good\":9400,|",
      "claims|\"filedAt\":\"2007-12-05T14:00:00Z\",|",
      "issued-credits|\"amount\":\"2.00\"|\"amount\":\"two\"",
      "carried-credits|\"capPath\":\"sla\",|\"capPath\":null,",
  })
  void aLineTheReaderRejectsTheSchemaRejectsToo(String edit) {
    String[] parts = edit.split("\\|", -1);
    String line = FULL_LINES.get(parts[0]).get(0);
    assertThat(line).contains(parts[1]);
    String bad = line.replace(parts[1], parts[2]);

    assertThat(errors(schema(format(parts[0]).schema()), bad)).as(bad).isNotEmpty();
    assertThat(format(parts[0]).reader(new StringReader(bad), "t").next())
        .isInstanceOf(RecordLine.Rejected.class);
  }

  /**
   * The walk: at every object of a full line, an unknown field makes the reader list the fields it
   * knows there; the schema's properties at the same place must be exactly those.
   */
  @ParameterizedTest
  @ValueSource(strings = {"accounts", "outages", "telemetry", "claims", "issued-credits", "carried-credits"})
  void theSchemaHasExactlyTheFieldsTheReaderKnowsAtEveryLevel(String kind) {
    RecordFormat<?> format = format(kind);
    JsonNode schema = JSON.readTree(format.schema());
    Map<String, Set<String>> reader = new TreeMap<>();
    Map<String, Set<String>> documented = new TreeMap<>();
    for (String line : FULL_LINES.get(kind)) {
      JsonNode tree = JSON.readTree(line);
      objects(tree, "", schema, schema, (pointer, props) -> {
        reader.merge(pointer, known(line, pointer, l -> readerProblems(format, l)), RecordSchemaTest::union);
        documented.merge(pointer, props, RecordSchemaTest::union);
      });
    }
    assertThat(reader).isNotEmpty().isEqualTo(documented);
  }

  @Test
  void theDecisionSchemaHasExactlyTheFieldsTheIssuedReaderKnows() {
    JsonNode schema = JSON.readTree(DecisionJson.schema());
    Map<String, Set<String>> reader = new TreeMap<>();
    Map<String, Set<String>> documented = new TreeMap<>();
    for (String line : goldenDecisionLines()) {
      JsonNode tree = JSON.readTree(line);
      String result = tree.path("result").asString("decided");
      JsonNode branch = def(schema, result);
      // The issued reader reads the account, the period and the lines; traces are not read.
      for (String pointer : List.of("", "/period", "/lines/0", "/lines/0/policy", "/lines/0/amount")) {
        JsonNode value = tree.at(pointer);
        if (value.isObject()) {
          reader.put(result + pointer,
              known(line, pointer, RecordSchemaTest::issuedProblems));
          documented.put(result + pointer,
              properties(schema, at(schema, branch, pointer, tree)));
        }
      }
    }
    assertThat(reader).hasSizeGreaterThanOrEqualTo(6).isEqualTo(documented);
  }

  @Test
  void everyGoldenDecisionValidatesAndTogetherTheyUseEveryFieldOfTheSchema() {
    Schema schema = schema(DecisionJson.schema());
    JsonNode root = JSON.readTree(DecisionJson.schema());
    Set<String> used = new TreeSet<>();
    for (String line : goldenDecisionLines()) {
      assertThat(errors(schema, line)).as(line).isEmpty();
      JsonNode tree = JSON.readTree(line);
      fieldsUsed(tree, def(root, tree.path("result").asString("decided")), root, used);
    }
    Set<String> documented = new TreeSet<>();
    root.get("$defs").properties().forEach(d -> d.getValue().path("properties").propertyNames()
        .forEach(p -> documented.add(d.getKey() + "." + p)));
    // Written only for a tree too deep to write, and for a failure in Amends or a user's rule.
    documented.removeAll(Set.of("node.truncated", "rejected.bug"));
    assertThat(used).containsAll(documented);
  }

  @Test
  void aDecisionWithoutResultOrIndexAsToLineWritesItValidatesToo() {
    Schema schema = schema(DecisionJson.schema());
    String line = goldenDecisionLines().stream().filter(l -> l.startsWith("{\"result\":\"decided\"")).findFirst()
        .orElseThrow().replaceFirst("^\\{\"result\":\"decided\",\"index\":[0-9]+,", "{");

    assertThat(errors(schema, line)).isEmpty();
    assertThat(errors(schema, line.replace("\"kind\":\"CREDIT\"", "\"kind\":\"GIFT\""))).isNotEmpty();
  }

  @Test
  void everyFieldOfEverySchemaIsDescribed() {
    Map<String, String> schemas = new TreeMap<>();
    schemas.put("policy", PolicyDocuments.schema());
    schemas.put("campaign", CampaignDocuments.schema());
    schemas.put("decisions", DecisionJson.schema());
    RecordFormat.all().forEach(f -> schemas.put(f.kind(), f.schema()));
    List<String> undescribed = new ArrayList<>();
    schemas.forEach((name, text) -> {
      JsonNode root = JSON.readTree(text);
      assertThat(root.path("description").asString()).as(name).isNotBlank();
      undescribed(root, name, undescribed);
    });
    assertThat(undescribed).isEmpty();
  }

  /** Every property under any {@code properties} whose schema has no description. */
  private static void undescribed(JsonNode node, String where, List<String> out) {
    if (node.isObject()) {
      JsonNode props = node.get("properties");
      if (props != null && props.isObject()) {
        props.properties().forEach(e -> {
          if (e.getValue().path("description").asString("").isBlank()) {
            out.add(where + "/properties/" + e.getKey());
          }
        });
      }
      // An "if" only tells kinds apart: its properties are not fields.
      node.properties().stream().filter(e -> !e.getKey().equals("if"))
          .forEach(e -> undescribed(e.getValue(), where + "/" + e.getKey(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        undescribed(node.get(i), where + "/" + i, out);
      }
    }
  }

  // ---- the reader's side ----

  private static final Pattern KNOWN = Pattern.compile("is not a known field \\(known: ([^)]*)\\)");

  /** The fields the reader knows at an object of the line: it names them when one is unknown. */
  private static Set<String> known(String line, String pointer, Function<String, List<JsonProblem>> read) {
    ObjectNode tree = (ObjectNode) JSON.readTree(line);
    ((ObjectNode) tree.at(pointer)).put("zzUnknown", 1);
    List<JsonProblem> problems = read.apply(JSON.writeValueAsString(tree));
    for (JsonProblem p : problems) {
      Matcher m = KNOWN.matcher(p.message());
      if (p.pointer().equals(pointer + "/zzUnknown") && m.find()) {
        return new TreeSet<>(List.of(m.group(1).split(", ")));
      }
    }
    throw new AssertionError("the reader did not name the fields it knows at " + pointer + ": " + problems);
  }

  private static List<JsonProblem> readerProblems(RecordFormat<?> format, String line) {
    try {
      format.fromLine(line);
      return List.of();
    } catch (JsonDocumentException e) {
      return e.problems();
    }
  }

  private static List<JsonProblem> issuedProblems(String line) {
    try (var in = DecisionJson.issuedReader(new StringReader(line), "t")) {
      return in.next() instanceof RecordLine.Rejected<?> r ? r.problem().problems() : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- the schema's side ----

  /** Calls back with the pointer and the schema's property names of every object in a value. */
  private static void objects(JsonNode value, String pointer, JsonNode root, JsonNode schema,
      java.util.function.BiConsumer<String, Set<String>> sink) {
    if (value.isObject()) {
      sink.accept(pointer, properties(root, schema));
      value.properties().forEach(e -> {
        JsonNode child = property(root, schema, e.getKey());
        if (child != null) {
          objects(e.getValue(), pointer + "/" + e.getKey(), root, child, sink);
        }
      });
    } else if (value.isArray()) {
      JsonNode items = items(root, schema);
      for (int i = 0; items != null && i < value.size(); i++) {
        objects(value.get(i), pointer + "/" + i, root, items, sink);
      }
    }
  }

  /** The fields of a decision line, as {@code <def>.<property>}, that the line uses. */
  private static void fieldsUsed(JsonNode value, JsonNode schema, JsonNode root, Set<String> used) {
    if (value.isObject()) {
      String def = defName(root, schema);
      value.properties().forEach(e -> {
        JsonNode child = property(root, schema, e.getKey());
        used.add((def == null ? "?" : def) + "." + e.getKey());
        if (child != null) {
          fieldsUsed(e.getValue(), child, root, used);
        }
      });
    } else if (value.isArray()) {
      JsonNode items = items(root, schema);
      for (int i = 0; items != null && i < value.size(); i++) {
        fieldsUsed(value.get(i), items, root, used);
      }
    }
  }

  /** The name of the {@code $defs} entry a schema is, or refers to, or null for an inline object. */
  private static String defName(JsonNode root, JsonNode schema) {
    JsonNode resolved = resolve(root, schema);
    for (var e : root.get("$defs").properties()) {
      if (e.getValue() == resolved) {
        return e.getKey();
      }
    }
    // An inline object (a period, a measurement, an error, a carried credit): named by where it is.
    for (var d : root.get("$defs").properties()) {
      for (var p : d.getValue().path("properties").properties()) {
        JsonNode inline = p.getValue().has("items") ? p.getValue().get("items") : p.getValue();
        if (inline == resolved) {
          return d.getKey() + "." + p.getKey();
        }
      }
    }
    return null;
  }

  private static JsonNode def(JsonNode root, String name) {
    return root.get("$defs").get(name);
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref") && s.get("$ref").asString().startsWith("#/")) {
      s = root.at(s.get("$ref").asString().substring(1));
    }
    return s;
  }

  /** The schema and every schema it refers to or combines, at one place. */
  private static List<JsonNode> branches(JsonNode root, JsonNode schema) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode s = resolve(root, schema);
    out.add(s);
    for (String k : List.of("oneOf", "anyOf", "allOf")) {
      if (s.has(k)) {
        s.get(k).forEach(b -> out.addAll(branches(root, b)));
      }
    }
    return out;
  }

  private static Set<String> properties(JsonNode root, JsonNode schema) {
    Set<String> names = new TreeSet<>();
    for (JsonNode b : branches(root, schema)) {
      b.path("properties").propertyNames().forEach(names::add);
    }
    return names;
  }

  private static JsonNode property(JsonNode root, JsonNode schema, String name) {
    for (JsonNode b : branches(root, schema)) {
      if (b.path("properties").has(name)) {
        return b.get("properties").get(name);
      }
    }
    return null;
  }

  private static JsonNode items(JsonNode root, JsonNode schema) {
    for (JsonNode b : branches(root, schema)) {
      if (b.has("items")) {
        return b.get("items");
      }
    }
    return null;
  }

  /** The schema at a pointer of a value, from a starting schema. */
  private static JsonNode at(JsonNode root, JsonNode schema, String pointer, JsonNode value) {
    JsonNode s = schema;
    JsonNode v = value;
    for (String part : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/")) {
      s = v.isArray() ? items(root, s) : property(root, s, part);
      v = v.isArray() ? v.get(Integer.parseInt(part)) : v.get(part);
    }
    return s;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new TreeSet<>(a);
    u.addAll(b);
    return u;
  }
}
