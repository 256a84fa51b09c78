package dev.amends.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonLayoutTest {
  @Test
  void oneValueALineIndentedByLevel() {
    assertThat(JsonLayout.layout("{\"a\":1,\"b\":[{\"c\":\"x\"},2],\"d\":{}}")).isEqualTo("""
        {
          "a": 1,
          "b": [
            {
              "c": "x"
            },
            2
          ],
          "d": {}
        }
        """);
  }

  @Test
  void stringsAreCopiedAsTheyAreEvenWithBracesCommasAndEscapedQuotes() {
    assertThat(JsonLayout.layout("{\"reason\":\"a, {b} [c]: \\\"d\\\" \\\\\",\"e\":[ ]}")).isEqualTo("""
        {
          "reason": "a, {b} [c]: \\"d\\" \\\\",
          "e": []
        }
        """);
  }
}
