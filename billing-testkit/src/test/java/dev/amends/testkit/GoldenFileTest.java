package dev.amends.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amends.rules.CreditDecision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenFileTest {
  @TempDir
  Path dir;

  @Test
  void theDecemberStoryExplainsAsItsGoldenFileSays() {
    GoldenFile.at(Path.of("src/test/resources/golden/december-2007-explain.txt"))
        .assertMatches(GridStory2007Test.DECEMBER_2007.decideWith(GridStory2007Test.GRID_SLA).explain());
  }

  @Test
  void theDecemberStoryDecidesAsItsGoldenJsonSays() {
    GoldenFile.at(Path.of("src/test/resources/golden/december-2007-decision.json"))
        .assertMatches(GridStory2007Test.DECEMBER_2007.decideWith(GridStory2007Test.GRID_SLA));
  }

  @Test
  void aDifferentDecisionFailsNamingTheFieldsThatDiffer() {
    // one hour down on cluster-1 as well: sub-c1 is 60 of 44,640 min down, 99.8655 % -> 10 % of USD 20.00
    CreditDecision late = GridStory2007Test.DECEMBER_2007
        .outage("OUT-C1", o -> o.on("grid/cluster-1").from("2007-12-05T00:00").until("2007-12-05T01:00"))
        .decideWith(GridStory2007Test.GRID_SLA);

    assertThatThrownBy(() -> GoldenFile.at(Path.of("src/test/resources/golden/december-2007-decision.json"))
        .assertMatchesJson(dev.amends.rules.json.DecisionJson.toLine(late)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Text differs from golden file src/test/resources/golden/december-2007-decision.json")
        .hasMessageContaining("    \"totals\": [\n      {\n-       \"amount\": \"2.00\",\n+       \"amount\": \"4.00\",\n")
        .hasMessageContaining("-         \"downtime\": \"PT0S\",\n+         \"downtime\": \"PT1H\",\n")
        .hasMessageContaining("-         \"availability\": \"1\",\n-         \"outageIds\": [],\n"
            + "+         \"availability\": \"743/744\",\n+         \"outageIds\": [\n+           \"OUT-C1\"\n+         ],\n");
  }

  @Test
  void lineEndingsAndAFinalNewlineDoNotMatter() throws IOException {
    Path golden = Files.writeString(dir.resolve("g.txt"), "Lines:\r\n  USD 2.00\r\n");

    assertThatCode(() -> GoldenFile.at(golden).assertMatches("Lines:\n  USD 2.00", false)).doesNotThrowAnyException();
  }

  @Test
  void aDifferenceFailsWithALineDiff() throws IOException {
    Path golden = Files.writeString(dir.resolve("g.txt"), "Credit decision\nLines:\n  USD 2.00 CREDIT sub-c2\nTotals: USD 2.00\n");

    assertThatThrownBy(() -> GoldenFile.at(golden)
        .assertMatches("Credit decision\nLines:\n  USD 5.00 CREDIT sub-c2\nTotals: USD 5.00\nFlags: none\n", false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Text differs from golden file " + golden + " (- golden, + actual; run with "
            + "-Damends.golden.update=true to accept the actual text):\n"
            + "@@ expected line 1, actual line 1 @@\n"
            + "  Credit decision\n"
            + "  Lines:\n"
            + "-   USD 2.00 CREDIT sub-c2\n"
            + "- Totals: USD 2.00\n"
            + "+   USD 5.00 CREDIT sub-c2\n"
            + "+ Totals: USD 5.00\n"
            + "+ Flags: none\n");
  }

  @Test
  void aMissingFileFailsSayingHowToCreateIt() {
    Path missing = dir.resolve("none.txt");

    assertThatThrownBy(() -> GoldenFile.at(missing).assertMatches("text", false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Golden file " + missing.toAbsolutePath() + " does not exist. Run the test with "
            + "-Damends.golden.update=true to create it");
  }

  @Test
  void updateModeWritesTheActualText() throws IOException {
    Path golden = dir.resolve("sub/new.txt");

    GoldenFile.at(golden).assertMatches("Totals: USD 2.00", true);

    assertThat(golden).hasContent("Totals: USD 2.00\n");
  }
}
