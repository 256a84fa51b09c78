package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.BiConsumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;

class QuotedTest {
  /** The text of {@code {NAME:null}} with the name written by {@code write}. */
  private static String written(BiConsumer<JsonGenerator, String> write, String name) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      g.writeStartObject();
      write.accept(g, name);
      g.writeNull();
      g.writeEndObject();
    }
    return out.toString();
  }

  /** Any text, quotes, backslashes, control characters and all, gives the generator's own bytes. */
  @Property(tries = 300)
  void aQuotedNameIsWrittenAsTheGeneratorWritesTheName(@ForAll String name) {
    assertThat(written((g, v) -> g.writeName(Quoted.name(v)), name))
        .isEqualTo(written(JsonGenerator::writeName, name));
  }

  @Test
  void escapesWhatTheGeneratorEscapes() {
    // a quote, a backslash, a tab, a NUL and a non-ASCII letter, as the generator writes them
    assertThat(written((g, v) -> g.writeName(Quoted.name(v)), "a\"b\\c\td\u0000é"))
        .isEqualTo("{\"a\\\"b\\\\c\\td\\u0000é\":null}");
  }

  @Test
  void everyNameIsWrittenAsItsOwnText() throws IllegalAccessException {
    int names = 0;
    for (Field f : Quoted.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == SerializableString.class) {
        SerializableString quoted = (SerializableString) f.get(null);
        assertThat(written((g, v) -> g.writeName(quoted), null))
            .isEqualTo("{\"" + quoted.getValue() + "\":null}");
        names++;
      }
    }
    assertThat(names).isEqualTo(27);
  }
}
