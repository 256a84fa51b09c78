package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.function.BiConsumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

class QuotedTest {
  private static String written(BiConsumer<JsonGenerator, String> write, String value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      write.accept(g, value);
    }
    return out.toString();
  }

  /** Any text, quotes, backslashes, control characters and all, gives the generator's own bytes. */
  @Property(tries = 300)
  void aQuotedValueIsWrittenAsTheGeneratorWritesTheString(@ForAll String value) {
    assertThat(written((g, v) -> g.writeString(Quoted.value(v)), value))
        .isEqualTo(written(JsonGenerator::writeString, value));
  }

  @Test
  void escapesWhatTheGeneratorEscapes() {
    // a quote, a backslash, a tab, a NUL and a non-ASCII letter, as the generator writes them
    assertThat(written((g, v) -> g.writeString(Quoted.value(v)), "a\"b\\c\td\u0000é"))
        .isEqualTo("\"a\\\"b\\\\c\\td\\u0000é\"");
  }

  @Test
  void staysRightPastItsLimit() {
    for (int i = 0; i <= Quoted.LIMIT + 10; i++) {
      String v = "path-" + i;
      assertThat(Quoted.value(v).getValue()).isEqualTo(v);
    }
    assertThat(written((g, v) -> g.writeString(Quoted.value(v)), "path-0")).isEqualTo("\"path-0\"");
  }
}
