package dev.amends.cli;

/** The exit codes of every {@code amends} command, as {@code --help} lists them. */
final class ExitCodes {
  /** Everything read and decided. */
  static final int OK = 0;
  /** A failure nobody planned for: a bug. */
  static final int FAILURE = 1;
  /**
   * Bad arguments (one line on standard error), an input file that does not exist or cannot be
   * read, or an output that is one of the inputs.
   */
  static final int USAGE = 2;
  /** A policy, policy book or campaign document is not valid, or they do not fit together. */
  static final int BAD_POLICY = 3;
  /**
   * Some records or requests were rejected, or some accounts were decided with no policy in force;
   * the output was still written for the rest.
   */
  static final int REJECTED = 4;
  /**
   * Outage or telemetry records were rejected: nothing was decided, since every decision may
   * depend on them (unless {@code --allow-bad-records}).
   */
  static final int BAD_RECORDS = 5;
  /**
   * An output (a file or standard output) could not be created or written; no file under the
   * requested name was left half-written or replaced.
   */
  static final int WRITE_FAILED = 6;

  /** The list shown by every command's {@code --help}. */
  static final java.util.Map<String, String> HELP = helpList();

  private static java.util.Map<String, String> helpList() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put(" " + OK, "Success.");
    m.put(" " + FAILURE, "Unexpected failure (a bug).");
    m.put(" " + USAGE, "Bad arguments, an input file that does not exist or cannot be read, or an output that is one of the inputs.");
    m.put(" " + BAD_POLICY, "A policy, policy book or campaign document is not valid, or they do not fit together.");
    m.put(" " + REJECTED, "Some records or requests were rejected, or some accounts had no policy in force (reported on standard "
        + "error; the rest was still written).");
    m.put(" " + BAD_RECORDS, "Outage or telemetry records were rejected (each listed): nothing was decided, unless --allow-bad-records.");
    m.put(" " + WRITE_FAILED, "An output could not be created or written (the reason is given); no file under the requested name "
        + "was left half-written or replaced.");
    return java.util.Collections.unmodifiableMap(m);
  }

  private ExitCodes() {}
}
