package dev.amends.testkit;

import dev.amends.rules.CreditDecision;
import dev.amends.rules.json.DecisionJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractAssert;

/**
 * A golden file: text a test's output must equal, kept beside the tests and reviewed like code.
 * A mismatch fails with a line diff.
 *
 * <pre>{@code
 * // the decision as JSON (DecisionJson), laid out one value a line:
 * GoldenFile.at(Path.of("src/test/resources/golden/december-2007.json")).assertMatches(decision);
 * // any text, such as the explanation support staff read:
 * GoldenFile.at(Path.of("src/test/resources/golden/december-2007.txt")).assertMatches(decision.explain());
 * }</pre>
 *
 * <p>The comparison is of lines: {@code \r\n} and {@code \n} are the same, and so is a missing
 * final newline; anything else differs. On a mismatch the {@link AssertionError} (an
 * {@code org.opentest4j.AssertionFailedError} with expected and actual when opentest4j is
 * present, as it is under JUnit 5, so an IDE can show the two side by side) shows a unified diff:
 * {@code -} for golden lines, {@code +} for actual ones.
 *
 * <p>To create or update golden files, run the tests with the system property {@value
 * #UPDATE_PROPERTY}{@code =true} (for Maven: {@code mvn test -Damends.golden.update=true}, which
 * surefire passes on to the tests): each file is then written with the actual text and the check
 * passes. Review the change before committing it. Without the property, a missing file fails
 * and says how to create it. Relative paths resolve against the working directory, which for
 * Maven is the module's directory. Immutable and thread-safe.
 */
public final class GoldenFile {
  /** The system property that, set to {@code true}, writes golden files instead of comparing. */
  public static final String UPDATE_PROPERTY = "amends.golden.update";

  private final Path path;

  private GoldenFile(Path path) {
    this.path = path;
  }

  /** The golden file at a path. */
  public static GoldenFile at(Path path) {
    return new GoldenFile(Texts.notNull("golden.path", path));
  }

  /** The file's path. */
  public Path path() {
    return path;
  }

  /**
   * Asserts that a decision's JSON ({@link DecisionJson#toLine(CreditDecision)}: lines, totals,
   * flags, warnings and, when the engine recorded it, the trace with typed values and exact
   * unrounded amounts) equals the golden file's, laid out one value a line so that the diff
   * names the fields that differ.
   *
   * @param decision the decision, not null
   * @throws AssertionError with a line diff if they differ, or if the file does not exist
   */
  public void assertMatches(CreditDecision decision) {
    assertMatchesJson(DecisionJson.toLine(Texts.notNull("golden.decision", decision)));
  }

  /**
   * Asserts that JSON text equals the golden file's, both laid out one value a line (the file is
   * written laid out in update mode). The text is compared as laid out, not parsed: the same
   * document written with fields in another order differs.
   *
   * @param json JSON text, such as one line of a decisions file, not null
   */
  public void assertMatchesJson(String json) {
    assertMatches(JsonLayout.layout(Texts.notNull("golden.json", json)));
  }

  /**
   * Asserts that the text equals the golden file's, line by line (or writes it, in update mode).
   *
   * @param actual the text produced, not null
   * @throws AssertionError with a line diff if they differ, or if the file does not exist
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public void assertMatches(String actual) {
    assertMatches(actual, Boolean.getBoolean(UPDATE_PROPERTY));
  }

  /** As {@link #assertMatches(String)}, writing the file instead of comparing when {@code update}. */
  void assertMatches(String actual, boolean update) {
    Texts.notNull("golden.actual", actual);
    try {
      if (update) {
        if (path.toAbsolutePath().getParent() != null) {
          Files.createDirectories(path.toAbsolutePath().getParent());
        }
        Files.writeString(path, actual.endsWith("\n") || actual.isEmpty() ? actual : actual + "\n",
            StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(path)) {
        throw new AssertionError("Golden file " + path.toAbsolutePath() + " does not exist. Run the test with -D"
            + UPDATE_PROPERTY + "=true to create it from the actual text, and review it:\n" + actual);
      }
      String expected = Files.readString(path, StandardCharsets.UTF_8);
      String diff = LineDiff.diff(expected, actual);
      if (!diff.isEmpty()) {
        new Failing(actual).fail(expected, "Text differs from golden file " + path + " (- golden, + actual; run with -D"
            + UPDATE_PROPERTY + "=true to accept the actual text):\n" + diff);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("golden file " + path.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "GoldenFile(" + path + ")";
  }

  /** Raises AssertJ's failure with expected and actual, for an IDE's diff view. */
  private static final class Failing extends AbstractAssert<Failing, String> {
    Failing(String actual) {
      super(actual, Failing.class);
    }

    void fail(String expected, String message) {
      failWithActualExpectedAndMessage(actual, expected, "%s", message);
    }
  }
}
