package dev.amends.cli;

import dev.amends.rules.LiabilitySummary;
import dev.amends.rules.json.LiabilitySummaryJson;
import java.io.IOException;
import java.io.Writer;

/** {@code credit --summary FILE}: the run's liability summary as JSON, by {@link LiabilitySummaryJson}. */
final class SummaryJsonFile {
  private SummaryJsonFile() {}

  /**
   * Writes the summary.
   *
   * @throws CliException with {@link ExitCodes#WRITE_FAILED} if it cannot be written
   */
  static void write(Writer file, LiabilitySummary summary) {
    try {
      file.write(LiabilitySummaryJson.toJson(summary));
    } catch (IOException e) {
      throw new CliException(ExitCodes.WRITE_FAILED, "cannot write --summary: " + OutputFile.reason(e));
    }
  }
}
