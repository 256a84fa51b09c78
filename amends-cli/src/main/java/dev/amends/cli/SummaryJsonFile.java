package dev.amends.cli;

import dev.amends.rules.LiabilitySummary;
import dev.amends.rules.json.LiabilitySummaryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code credit --summary FILE}: the run's liability summary as JSON, by {@link LiabilitySummaryJson}. */
final class SummaryJsonFile {
  private SummaryJsonFile() {}

  /**
   * Writes the summary.
   *
   * @throws CliException with {@link ExitCodes#USAGE} if the file cannot be written
   */
  static void write(Path file, LiabilitySummary summary) {
    try {
      Files.writeString(file, LiabilitySummaryJson.toJson(summary), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot write " + file + ": " + e.getMessage());
    }
  }
}
