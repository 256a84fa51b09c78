package dev.amends.cli;

/**
 * A failure the user can act on: printed as one line on standard error, without a stack trace,
 * and ending the command with its exit code.
 */
final class CliException extends RuntimeException {
  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
