package dev.amends.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jackson's feature, type and token names never reach a reader of our messages. */
class JacksonWordsTest {
  @TempDir
  Path dir;

  @Test
  void aPolicyWithNaNOrATrailingValueIsReportedWithoutJacksonsNames() {
    assertThatThrownBy(() -> PolicyDocuments.standard().read("{\"schema\":\"amends.policy/1\",\"version\":NaN}"))
        .isInstanceOfSatisfying(JsonDocumentException.class, e -> assertThat(e.problems().get(0).toString())
            .contains("Non-standard token 'NaN'", "(line 1, column ")
            .doesNotContain("Feature", "`", "enable"));
    assertThatThrownBy(() -> PolicyDocuments.standard().read("{\"a\":1}{\"b\":2}"))
        .isInstanceOfSatisfying(JsonDocumentException.class, e -> assertThat(e.problems().get(0).toString())
            .contains("Trailing token ('{') found after value")
            .doesNotContain("Feature", "`", "tools.jackson", "JsonToken"));
  }

  @Test
  void anNdjsonLineWithNaNIsRejectedWithoutJacksonsNames() throws IOException {
    Path file = Files.write(dir.resolve("outages.ndjson"), List.of("{\"id\":NaN}"));

    try (RecordReader<?> in = RecordFormat.OUTAGES.reader(file)) {
      RecordLine<?> line = in.next();

      assertThat(line).isInstanceOfSatisfying(RecordLine.Rejected.class, r -> assertThat(r.problem().getMessage())
          .contains("Non-standard token 'NaN'").doesNotContain("Feature", "`"));
    }
  }

  @Test
  void tokensAreShownAsTheirText() {
    assertThat(RecordReader.withoutSource("Trailing token (`JsonToken.START_ARRAY`) found after value (bound as "
        + "`tools.jackson.databind.JsonNode`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`"))
        .isEqualTo("Trailing token ('[') found after value");
    assertThat(RecordReader.withoutSource("Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"))
        .isEqualTo("Non-standard token 'NaN'");
  }
}
