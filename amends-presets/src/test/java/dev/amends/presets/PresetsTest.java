package dev.amends.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.core.InvalidInputException;
import dev.amends.rules.Policy;
import dev.amends.rules.json.Loaded;
import dev.amends.rules.json.PolicyDocuments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

class PresetsTest {
  static Iterable<String> names() {
    return Presets.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyPresetReadsWithoutWarningsAndIsNamedByItsId(String name) {
    Loaded<Policy> loaded = PolicyDocuments.standard().read(Presets.document(name));
    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.value().id()).isEqualTo(name);
    assertThat(Presets.load(name)).isEqualTo(loaded.value());
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyPresetAndItsCanonicalFormAreValidAgainstThePolicySchema(String name) {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(PolicyDocuments.schema(), InputFormat.JSON);
    assertThat(schema.validate(Presets.document(name), InputFormat.JSON)).isEmpty();
    assertThat(schema.validate(PolicyDocuments.write(Presets.load(name)), InputFormat.JSON)).isEmpty();
  }

  @Test
  void aDescriptionLineWithAControlCharacterBreaksTheSchema() {
    // the schema's pattern for description lines, checked to catch something
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(PolicyDocuments.schema(), InputFormat.JSON);
    String bad = Presets.document("upcloud").replace("\"Source: ", "\"Source:\\t");
    assertThat(schema.validate(bad, InputFormat.JSON)).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyPresetNamesItsSourceAndWhatItLeavesOpen(String name) {
    Policy p = Presets.load(name);
    assertThat(p.description()).isNotEmpty();
    assertThat(p.description().get(0)).startsWith("Source: ");
    assertThat(p.description()).anySatisfy(line -> assertThat(line).startsWith("Left to you: "));
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyPresetSurvivesTheCanonicalRoundTripWithItsDescription(String name) {
    Policy p = Presets.load(name);
    Policy again = PolicyDocuments.standard().read(PolicyDocuments.write(p)).value();
    assertThat(again).isEqualTo(p);
    assertThat(again.digest()).isEqualTo(p.digest());
    assertThat(PolicyDocuments.write(p)).contains("\"description\":[");
  }

  @Test
  void loadingTheSamePresetTwiceGivesTheSamePolicy() {
    assertThat(Presets.load("aws-compute-region")).isSameAs(Presets.load("aws-compute-region"));
  }

  @Test
  void anUnknownNameIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> Presets.load("aws-compute"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("preset")
        .hasMessageContaining("\"aws-compute\"")
        .hasMessageContaining("aws-compute-region, aws-compute-instance, aws-ec2-2008, atlassian-cloud-premium");
  }

  @Test
  void aNameWithALineBreakStaysOnOneLineInTheMessage() {
    assertThatThrownBy(() -> Presets.document("aws\ncompute"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("aws\\u000acompute")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aNullNameIsRefusedByName() {
    assertThatThrownBy(() -> Presets.load(null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("preset");
  }
}
