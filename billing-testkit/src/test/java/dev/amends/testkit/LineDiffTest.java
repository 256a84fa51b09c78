package dev.amends.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {
  static String numbered(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(LineDiff.diff("a\nb\n", "a\r\nb")).isEmpty();
  }

  @Test
  void aChangedLineShowsThreeLinesOfContextEachSide() {
    String expected = numbered(1, 10);
    String actual = expected.replace("line 5\n", "line five\n");

    assertThat(LineDiff.diff(expected, actual)).isEqualTo("""
        @@ expected line 2, actual line 2 @@
          line 2
          line 3
          line 4
        - line 5
        + line five
          line 6
          line 7
          line 8
        """);
  }

  @Test
  void farApartChangesAreSeparateHunks() {
    String expected = numbered(1, 30);
    String actual = expected.replace("line 3\n", "").replace("line 25\n", "line 25\nline 25b\n");

    assertThat(LineDiff.diff(expected, actual)).isEqualTo("""
        @@ expected line 1, actual line 1 @@
          line 1
          line 2
        - line 3
          line 4
          line 5
          line 6
        @@ expected line 23, actual line 22 @@
          line 23
          line 24
          line 25
        + line 25b
          line 26
          line 27
          line 28
        """);
  }

  @Test
  void aTooLargeMiddleIsShownAsOneBlockReplaced() {
    // 2,100 × 2,100 lines differ in the middle: past 4,000,000 cells the diff does not align them
    String expected = "head\n" + numbered(1, 2100) + "tail\n";
    String actual = "head\n" + numbered(1, 2100).replace("line", "row") + "tail\n";

    String diff = LineDiff.diff(expected, actual);

    assertThat(diff).startsWith("@@ expected line 1, actual line 1 @@\n  head\n- line 1\n- line 2\n")
        .contains("- line 2100\n+ row 1\n").endsWith("+ row 2100\n  tail\n");
  }
}
