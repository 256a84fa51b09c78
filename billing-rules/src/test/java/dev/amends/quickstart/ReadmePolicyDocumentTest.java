package dev.amends.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.rules.Policy;
import dev.amends.rules.json.PolicyDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The policy document the README shows is an example policy that loads, shown verbatim. */
class ReadmePolicyDocumentTest {
  static final Path EXAMPLE = Path.of("src/test/resources/policies/tiers-or-blocks-capped.json");

  @Test
  void readmeShowsTheExamplePolicyDocumentVerbatim() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String document = Files.readString(EXAMPLE).strip();

    assertThat(readme).contains("```json\n" + document + "\n```");
  }

  @Test
  void theReadmePolicyDocumentLoadsWithoutWarnings() {
    var loaded = PolicyDocuments.standard().read(EXAMPLE);
    Policy sla = loaded.value();

    assertThat(loaded.warnings()).isEmpty();
    assertThat(sla.id()).isEqualTo("hosting-sla");
    assertThat(sla.version()).isEqualTo(2);
  }
}
