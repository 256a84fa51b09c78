package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * The one pass over the streaming parser that record lines are read with ({@link RecordValues})
 * holds what the mapper's tree reader ({@code Json.MAPPER.readTree}, which record lines were read
 * with before) holds: the same members in the same order, the same numbers at the same scale, the
 * same strings; and it refuses the same text with the same exception, words, place and pointer.
 * The tree reader is the oracle here, in the tests only.
 */
class RecordValuesTest {
  /** What reading a text gives: the value as JSON text, nothing, or the refusal in full. */
  private static String viaStream(String text) {
    try (JsonParser p = Json.MAPPER.createParser(text)) {
      Object value = RecordValues.readLine(p);
      return value == null ? "(none)" : "value " + RecordValues.node(value);
    } catch (JacksonException e) {
      return refusal(e);
    } catch (NumberFormatException e) {
      return "NumberFormatException " + e.getMessage();
    }
  }

  /** As {@link #viaStream}, by the mapper's tree reader. */
  private static String viaTree(String text) {
    try {
      JsonNode tree = Json.MAPPER.readTree(text);
      return tree == null || tree.isMissingNode() ? "(none)" : "value " + tree;
    } catch (JacksonException e) {
      return refusal(e);
    } catch (NumberFormatException e) {
      return "NumberFormatException " + e.getMessage();
    }
  }

  private static String refusal(JacksonException e) {
    String pointer = e.processor() instanceof JsonParser p ? p.streamReadContext().pathAsPointer().toString() : "-";
    String at = e.getLocation() == null ? "-" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
    return e.getClass().getSimpleName() + " at " + pointer + " " + at + ": " + RecordReader.withoutSource(e.getOriginalMessage());
  }

  @Property(tries = 400)
  void holdsEveryValueAsTheTreeReaderDoes(@ForAll("json") String text) {
    String read = viaStream(text);

    assertThat(read).startsWith("value ");
    assertThat(read).isEqualTo(viaTree(text));
  }

  @Property(tries = 600)
  void refusesDamagedTextAsTheTreeReaderDoes(@ForAll("json") String text,
      @ForAll("damages") RecordMutationTest.Damage damage) {
    String damaged = damage.apply(text);

    assertThat(viaStream(damaged)).isEqualTo(viaTree(damaged));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":}", "{\"a\":,\"b\":1}", "{\"a\" 1}", "{\"a\":1,}", "{,\"a\":1}", "[1,]", "[,1]",
      "{\"a\":[}", "{\"a\":{]}", "{\"a\":1 \"b\":2}", "{\"a\":tru}", "{\"a\":\"x}", "{\"a\":1}}", "{\"a\":\"\u0000\"}",
      "{\"a\":01}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":.5}", "{\"a\":NaN}", "{'a':1}", "{a:1}", "{\"a\":1}/*c*/",
      "{\"a\":1,\"a\":2}", "{\"b\":{\"a\":1,\"a\":[]}}", "{\"a\":[1,{\"x\":}]}", "{\"a\":1e99999999999}", "\"a\" x"})
  void refusesMalformedTextAsTheTreeReaderDoes(String text) {
    String read = viaStream(text);

    assertThat(read).doesNotStartWith("value ");
    assertThat(read).isEqualTo(viaTree(text));
  }

  @Test
  void refusesWhatFollowsTheValueInTheTreeReadersWords() {
    // the words of the mapper's FAIL_ON_TRAILING_TOKENS, at the token found (column 4)
    assertThat(viaStream("{} {}")).isEqualTo("MismatchedInputException at  1:4: Trailing token ('{') found after value");
    assertThat(viaStream("{} 1")).isEqualTo(viaTree("{} 1"));
    assertThat(viaStream("[1] \"a\"")).isEqualTo(viaTree("[1] \"a\""));
  }

  @Test
  void readsBlankTextAsNoValue() {
    assertThat(viaStream("")).isEqualTo("(none)");
    assertThat(viaStream(" \t ")).isEqualTo("(none)");
  }

  @Test
  void keepsADecimalsScaleAndNeverGoesThroughDouble() {
    try (JsonParser p = Json.MAPPER.createParser("{\"a\":1.50,\"b\":0.1000000000000000055511151231257827}")) {
      RecordValues.Obj o = (RecordValues.Obj) RecordValues.readLine(p);

      assertThat(((JsonNode) o.get("a")).decimalValue()).isEqualTo(new BigDecimal("1.50"));
      assertThat(((JsonNode) o.get("b")).decimalValue()).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
    }
  }

  @Test
  void findsAMemberByANameThatIsNotTheSameStringObject() {
    try (JsonParser p = Json.MAPPER.createParser("{\"id\":\"a-1\",\"zone\":\"UTC\"}")) {
      RecordValues.Obj o = (RecordValues.Obj) RecordValues.readLine(p);

      assertThat(o.get(new String("zone".toCharArray()))).isEqualTo("UTC");
      assertThat(o.get("id")).isEqualTo("a-1");
      assertThat(o.get("tags")).isNull();
    }
  }

  @Provide
  Arbitrary<String> json() {
    return value(3);
  }

  @Provide
  Arbitrary<RecordMutationTest.Damage> damages() {
    return new RecordMutationTest().damages();
  }

  private static final List<String> NAMES = List.of("id", "amount", "a/b~c", "\\u00e9", "x\\\"y", "tags", "");

  private static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar = Arbitraries.of("\"\"", "\"a\"", "\"USD\"", "\"2020-01-01T00:00:00Z\"", "\"\\u0041\\n\"",
        "\"\u00e9\u4e2d\"", "\"a\\\"b\"", "0", "-0", "1.50", "1e2", "-1.0E-3", "12345678901234567890", "2147483648",
        "3.0", "0.000", "true", "false", "null");
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> inner = value(depth - 1);
    Arbitrary<String> array = inner.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> object = inner.list().ofMaxSize(NAMES.size()).map(values -> {
      StringBuilder b = new StringBuilder("{");
      for (int i = 0; i < values.size(); i++) {
        b.append(i == 0 ? "" : ",").append('"').append(NAMES.get(i)).append("\":").append(values.get(i));
      }
      return b.append('}').toString();
    });
    return Combinators.combine(Arbitraries.integers().between(0, 3), scalar, array, object)
        .as((pick, s, a, o) -> switch (pick) {
          case 0 -> s;
          case 1 -> a;
          default -> o;
        });
  }
}
