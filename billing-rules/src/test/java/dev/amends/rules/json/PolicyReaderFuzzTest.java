package dev.amends.rules.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the policy and policy book readers with arbitrary bytes: a document is read or rejected
 * with our {@link JsonDocumentException}; any other exception or error is a finding.
 *
 * <p>In a normal build ({@code mvn verify}) this runs in Jazzer's regression mode: once for each
 * input in {@code PolicyReaderFuzzTestInputs/readPolicyOrRejectIt/} (the example policies and
 * hostile ones) and once for an empty input, in well under a second. To fuzz for real, with
 * coverage guidance, for up to the duration below:
 *
 * <pre>JAZZER_FUZZ=1 mvn -pl billing-rules -am test -Dtest=PolicyReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>Findings are written to {@code PolicyReaderFuzzTestInputs/readPolicyOrRejectIt/} under the
 * test resources, where they stay as regression inputs.
 */
class PolicyReaderFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void readPolicyOrRejectIt(byte[] input) {
    try {
      PolicyDocuments.standard().read(new ByteArrayInputStream(input));
    } catch (JsonDocumentException expected) {
      // our own error: the document was refused with its problems
    }
    try {
      PolicyDocuments.standard().readBook(new String(input, StandardCharsets.UTF_8));
    } catch (JsonDocumentException expected) {
      // likewise
    }
  }
}
