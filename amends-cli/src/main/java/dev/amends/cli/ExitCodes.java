package dev.amends.cli;

/** The exit codes of every {@code amends} command, as {@code --help} lists them. */
final class ExitCodes {
  /** Everything read and decided. */
  static final int OK = 0;
  /** A failure nobody planned for: a bug, or the disk failing while writing. */
  static final int FAILURE = 1;
  /** Bad arguments (picocli's usage errors), or an input file that does not exist or cannot be read. */
  static final int USAGE = 2;
  /** The policy document is not a valid policy. */
  static final int BAD_POLICY = 3;
  /** Some records or requests were rejected; the output was still written for the rest. */
  static final int REJECTED = 4;

  /** The list shown by every command's {@code --help}. */
  static final java.util.Map<String, String> HELP = helpList();

  private static java.util.Map<String, String> helpList() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put(" " + OK, "Success.");
    m.put(" " + FAILURE, "Unexpected failure (a bug, or output that cannot be written).");
    m.put(" " + USAGE, "Bad arguments, or an input file that does not exist or cannot be read.");
    m.put(" " + BAD_POLICY, "The policy document is not a valid policy.");
    m.put(" " + REJECTED, "Some records or requests were rejected (reported on standard error; the rest was still written).");
    return java.util.Collections.unmodifiableMap(m);
  }

  private ExitCodes() {}
}
