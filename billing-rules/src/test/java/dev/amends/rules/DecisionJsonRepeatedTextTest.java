package dev.amends.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.RecordWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer copies the periods, evaluation instants and policies that lines repeat as
 * text it made once; every line is still the text {@link DecisionJson#toLine(BatchResult)} writes
 * field by field, whatever the order in which the lines repeat them.
 */
class DecisionJsonRepeatedTextTest {
  @Test
  void repeatedPeriodsInstantsAndPoliciesAreWrittenAsTheirOwnText() throws IOException {
    List<CreditDecision> decisions = DecisionJsonStreamingTest.decisions();
    assertThat(decisions.stream().map(CreditDecision::period).distinct()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(decisions.stream().flatMap(d -> d.lines().stream()).map(CreditLine::policyDigest).distinct())
        .hasSizeGreaterThanOrEqualTo(2);
    List<BatchResult> results = new ArrayList<>();
    Random random = new Random(16);
    for (int i = 0; i < 200; i++) { // each decision many times, in no particular order
      results.add(new BatchResult.Decided(i, decisions.get(random.nextInt(decisions.size()))));
    }
    StringWriter streamed = new StringWriter();
    try (RecordWriter<BatchResult> w = DecisionJson.writer(streamed)) {
      results.forEach(w::write);
    }
    StringBuilder expected = new StringBuilder();
    for (BatchResult r : results) {
      expected.append(DecisionJson.toLine(r)).append('\n');
    }
    assertThat(streamed.toString()).isEqualTo(expected.toString());
  }
}
