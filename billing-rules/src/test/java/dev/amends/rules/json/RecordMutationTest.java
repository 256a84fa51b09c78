package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Good lines damaged at random (a span cut out, or JSON-ish text put in) and followed by the good
 * line again: the damaged line is accepted or rejected, never thrown, and the good line after it
 * is always read.
 */
class RecordMutationTest {
  private static final List<String> GOOD = List.of(RecordStreamTest.STORY_ACCOUNT, RecordStreamTest.STORY_OUTAGE);

  /** A damage: where, how many characters to cut, what to put in. */
  record Damage(int line, double at, int cut, String insert) {
    String apply(String text) {
      int from = (int) (at * text.length());
      int to = Math.min(text.length(), from + cut);
      return text.substring(0, from) + insert + text.substring(to);
    }
  }

  @Provide
  Arbitrary<Damage> damages() {
    Arbitrary<String> inserts = Arbitraries.oneOf(
        Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "null", "1e999999999", "-", "\\u0000", "\\", "\"x\":1,",
            "9".repeat(50), "\r", "\uFEFF", "\u00e9"),
        Arbitraries.strings().withChars("{}[]\":,0123456789.eE+-aZ /\\").ofMaxLength(8));
    return Combinators.combine(Arbitraries.integers().between(0, GOOD.size() - 1),
        Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 12), inserts).as(Damage::new);
  }

  @Property(tries = 500)
  void aDamagedLineNeverStopsTheStream(@ForAll("damages") Damage damage) {
    String good = GOOD.get(damage.line());
    String text = damage.apply(good) + "\n" + good + "\n";
    RecordFormat<?> format = damage.line() == 0 ? RecordFormat.ACCOUNTS : RecordFormat.OUTAGES;
    List<? extends RecordLine<?>> lines = format.reader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "mutated").stream().toList();

    RecordLine<?> last = lines.get(lines.size() - 1);
    assertThat(last).isInstanceOf(RecordLine.Accepted.class);
    assertThat(last.lineNumber()).isEqualTo(2);
    for (RecordLine<?> l : lines) {
      if (l instanceof RecordLine.Rejected<?> r) {
        assertThat(r.problem().problems()).isNotEmpty();
        assertThat(r.problem().subject()).isEqualTo("mutated line 1");
      }
    }
  }
}
