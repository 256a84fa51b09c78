package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile policy documents: each ends in our {@link JsonDocumentException}, early (the limits are
 * checked while parsing, before anything large is built), with no stack overflow and no raw
 * Jackson or JDK exception escaping.
 */
class HostilePolicyDocumentTest {
  static final PolicyDocuments DOCS = PolicyDocuments.standard();

  static List<JsonProblem> rejected(String json) {
    return PolicyDocumentsTest.problemsOf(json);
  }

  static String grid(String rule) {
    return PolicyDocumentsTest.grid(rule);
  }

  static String flat(String amount) {
    return grid("{\"kind\":\"flat-amount\",\"id\":\"f\",\"amounts\":[{\"currency\":\"USD\",\"amount\":" + amount + "}]}");
  }

  @Test
  void deepNestingIsRefusedByTheParser() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    assertThat(rejected(deep)).singleElement().satisfies(p -> assertThat(p.message())
        .startsWith("is not valid JSON within the limits: Document nesting depth (257) exceeds the maximum allowed"));
  }

  @Test
  void aRuleTreeDeeperThanAPolicyMayBeIsRefusedWithoutRecursingThroughIt() {
    // 120 caps inside each other: valid JSON within 256 levels, but 121 rule levels > Policy.MAX_DEPTH (64).
    String leaf = "{\"kind\":\"percent-of-fee\",\"id\":\"p\",\"percent\":5}";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      sb.append("{\"kind\":\"cap\",\"id\":\"c").append(i)
          .append("\",\"limit\":{\"type\":\"percent-of-fee\",\"percent\":100},\"child\":");
    }
    sb.append(leaf).append("}".repeat(120));

    assertThat(rejected(grid(sb.toString()))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("is nested deeper than 64 levels"));
  }

  @Test
  void moreNodesThanAPolicyMayHaveAreRefused() {
    StringBuilder sb = new StringBuilder("{\"kind\":\"sum\",\"id\":\"s\",\"children\":[");
    for (int i = 0; i <= 10_000; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"kind\":\"percent-of-fee\",\"id\":\"p").append(i)
          .append("\",\"percent\":1}");
    }
    sb.append("]}");

    // The sum is node 1; its 10,000th child is node 10,001.
    assertThat(rejected(grid(sb.toString()))).map(JsonProblem::pointer).containsExactly("/rule/children/9999");
  }

  @Test
  void aMillionDigitNumberIsRefusedByItsLength() {
    String digits = "1".repeat(1_000_000);

    assertThat(rejected(flat(digits))).singleElement().satisfies(p -> assertThat(p.message())
        .contains("Number value length").contains("exceeds the maximum allowed (40"));
    // As a string it is too long a string.
    assertThat(rejected(flat("\"" + digits + "\""))).singleElement().satisfies(p -> assertThat(p.message())
        .contains("String value length").contains("exceeds the maximum allowed (10000"));
  }

  @Test
  void anAmountWithAHugeExponentIsRefusedBeforeItIsExpanded() {
    assertThat(rejected(flat("1e999999999"))).map(JsonProblem::toString)
        .containsExactly("/rule/amounts/0/amount: 1E+999999999 is out of range: its exponent is beyond ±100");
    assertThat(rejected(flat("\"1e999999999\""))).map(JsonProblem::toString)
        .containsExactly("/rule/amounts/0/amount: \"1e999999999\" is out of range: its exponent is beyond ±100");
    assertThat(rejected(flat("1e-999999999"))).map(JsonProblem::message)
        .containsExactly("is out of range: its exponent is beyond ±100");
    // Found by the fuzzer: an exponent beyond int range made the parser throw a raw NumberFormatException.
    assertThat(rejected(flat("0e9990999999"))).singleElement().satisfies(p -> assertThat(p.message())
        .startsWith("is not valid JSON within the limits: Value \"0e9990999999\" cannot be deserialized"));
    assertThat(rejected(flat("\"NaN\""))).map(JsonProblem::message).containsExactly("is not a decimal");
    assertThat(rejected(flat("NaN"))).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("is not valid JSON within the limits:"));
  }

  @Test
  void classNamesAndTypeTagsNeverSelectAType() {
    assertThat(rejected(grid("{\"kind\":\"java.lang.Runtime\",\"id\":\"x\"}"))).map(JsonProblem::pointer)
        .containsExactly("/rule/kind");
    assertThat(rejected(grid("{\"@class\":\"dev.amends.rules.PercentOfFeeRule\",\"id\":\"x\",\"percent\":5}")))
        .map(JsonProblem::toString).containsExactly(
            "/rule/kind: (missing) is required",
            "/rule/@class: \"dev.amends.rules.PercentOfFeeRule\" is not a known field (type information in a document"
                + " is never used)");
    assertThat(rejected(grid("[\"dev.amends.rules.PercentOfFeeRule\",{\"id\":\"x\",\"percent\":5}]")))
        .map(JsonProblem::toString).containsExactly("/rule: […2 items] is not an object");
  }

  @Test
  void duplicateKeysAndTrailingContentAreRefused() {
    assertThat(rejected("{\"schema\":\"amends.policy/1\",\"schema\":\"amends.policy/1\"}")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Duplicate Object property \"schema\""));
    assertThat(rejected(flat("1") + " {}")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Trailing token"));
    assertThat(rejected("")).map(JsonProblem::message).containsExactly("is empty: a JSON object is expected");
  }

  @Test
  void aHundredMegabyteStringIsRefusedAfterItsFirstTenThousandCharacters() {
    // Generated as it is read: the test never holds the 100 MB.
    InputStream huge = new SequenceInputStream(
        new ByteArrayInputStream("{\"schema\":\"".getBytes(StandardCharsets.US_ASCII)),
        new InputStream() {
          private long left = 100L * 1024 * 1024;

          @Override
          public int read() {
            return left-- > 0 ? 'a' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'a');
            left -= n;
            return n;
          }
        });

    assertThatThrownBy(() -> DOCS.read(huge)).isInstanceOfSatisfying(JsonDocumentException.class,
        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
            .contains("String value length").contains("exceeds the maximum allowed (10000")));
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] head = "{\"schema\":\"amends.policy/1\",\"id\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
    byte[] doc = new byte[head.length + bad.length];
    System.arraycopy(head, 0, doc, 0, head.length);
    System.arraycopy(bad, 0, doc, head.length, bad.length);

    assertThatThrownBy(() -> DOCS.read(new ByteArrayInputStream(doc))).isInstanceOfSatisfying(
        JsonDocumentException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.message()).contains("Invalid UTF-8")));
    // Found by the fuzzer: "X\0\0\0" makes the parser take the bytes for UTF-32, which they are not.
    byte[] notUtf32 = "X\0\0\0\"schema\": \"amends.policy/1\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> DOCS.read(new ByteArrayInputStream(notUtf32))).isInstanceOfSatisfying(
        JsonDocumentException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.message()).startsWith("is not valid text: Invalid UTF-32 character")));
    // Found by the fuzzer: bytes that look like UCS-4 in the unusual order 3412.
    byte[] ucs4 = {0, 0, 0x3C, 0, '{', '}'};
    assertThatThrownBy(() -> DOCS.read(new ByteArrayInputStream(ucs4))).isInstanceOfSatisfying(
        JsonDocumentException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.message()).startsWith("is not valid text: Unsupported UCS-4 endianness")));
  }

  @Test
  void aFailingSourceIsAnInputOutputErrorNotADocumentProblem() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws java.io.IOException {
        throw new java.io.IOException("disk gone");
      }
    };

    assertThatThrownBy(() -> DOCS.read(failing)).isInstanceOf(java.io.UncheckedIOException.class)
        .hasRootCauseMessage("disk gone");
  }

  @Test
  void aDocumentWithThousandsOfProblemsListsTheFirstTwoHundred() {
    StringBuilder sb = new StringBuilder("{\"kind\":\"sum\",\"id\":\"s\",\"children\":[");
    for (int i = 0; i < 1000; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"kind\":\"percent-of-fee\",\"id\":\"p").append(i)
          .append("\",\"percent\":\"x\"}");
    }
    sb.append("]}");

    List<JsonProblem> problems = rejected(grid(sb.toString()));
    assertThat(problems).hasSize(201);
    assertThat(problems.get(200).message()).isEqualTo("has more than 200 problems; the first are listed");
  }

  /**
   * A bad field no longer stops the whole-policy checks: a thousand gapped tier tables beside it
   * are each checked alone, and the list still stops at two hundred.
   */
  @Test
  void aBadFieldBesideAThousandGappedTierTablesListsTheFirstTwoHundredProblems() {
    StringBuilder sb = new StringBuilder("{\"kind\":\"sum\",\"id\":\"s\",\"children\":[")
        .append("{\"kind\":\"percent-of-fee\",\"id\":\"bad\",\"percent\":\"5,0\"}");
    for (int i = 0; i < 1000; i++) {
      sb.append(",{\"kind\":\"availability-tiers\",\"id\":\"t").append(i).append("\",\"tiers\":[")
          .append("{\"lower\":99,\"upper\":99.9,\"value\":10},{\"lower\":0,\"upper\":95,\"value\":25}]}");
    }
    sb.append("]}");

    List<JsonProblem> problems = rejected(grid(sb.toString()));

    assertThat(problems).hasSize(201);
    assertThat(problems.get(0).toString()).contains("/rule/children/0/percent", "5,0");
    assertThat(problems.get(1).toString()).contains("/rule/children/1", "s/t0.tiers have a gap");
    assertThat(problems.get(200).message()).isEqualTo("has more than 200 problems; the first are listed");
  }
}
