package dev.amends.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
