package dev.amends.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example file validates against the JSON Schema shipped for it: each NDJSON line against
 * its record kind's schema (by file name: {@code accounts.ndjson}, {@code outages-corrected.ndjson}
 * is outages), each policy and campaign document against the policy or campaign schema.
 */
class ExampleSchemasTest {
  private static final Path EXAMPLES = Path.of("../examples");
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      b -> b.schemas(Map.of(PolicyDocuments.SCHEMA_ID, PolicyDocuments.schema())));

  private static Schema schema(String text) {
    return REGISTRY.getSchema(text, InputFormat.JSON);
  }

  private static List<Path> files(String glob) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(EXAMPLES)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        try (var files = Files.newDirectoryStream(dir, glob)) {
          files.forEach(out::add);
        }
      }
    }
    return out;
  }

  @Test
  void everyNdjsonLineOfEveryExampleValidatesAgainstItsKindsSchema() throws IOException {
    List<Path> files = files("*.ndjson");
    List<String> errors = new ArrayList<>();
    int lines = 0;
    for (Path file : files) {
      String name = file.getFileName().toString();
      RecordFormat<?> format = RecordFormat.all().stream().filter(f -> name.startsWith(f.kind())).findFirst()
          .orElseThrow(() -> new AssertionError("no record kind for " + file));
      Schema schema = schema(format.schema());
      List<String> text = Files.readAllLines(file);
      for (int i = 0; i < text.size(); i++) {
        if (!text.get(i).isBlank()) {
          lines++;
          int number = i + 1;
          schema.validate(text.get(i), InputFormat.JSON).forEach(e -> errors.add(file + " line " + number + ": " + e));
        }
      }
    }
    assertThat(files).extracting(f -> f.getFileName().toString())
        .contains("accounts.ndjson", "outages.ndjson", "claims.ndjson", "outages-corrected.ndjson");
    assertThat(lines).isGreaterThan(30);
    assertThat(errors).isEmpty();
  }

  @Test
  void everyExamplePolicyAndCampaignValidatesAgainstItsSchema() throws IOException {
    Schema policy = schema(PolicyDocuments.schema());
    Schema campaign = schema(CampaignDocuments.schema());
    List<String> errors = new ArrayList<>();
    List<Path> files = files("*.json");
    for (Path file : files) {
      String text = Files.readString(file);
      Schema schema = text.contains("\"amends.campaign/1\"") ? campaign : policy;
      schema.validate(text, InputFormat.JSON).forEach(e -> errors.add(file + ": " + e));
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(7);
    assertThat(errors).isEmpty();
  }
}
