/**
 * The {@code amends} command-line tool: {@code credit}, {@code explain}, {@code diff},
 * {@code validate} and {@code schema}. Its commands are read by picocli through reflection,
 * hence the opened package.
 */
module dev.amends.cli {
  requires dev.amends.rules;
  requires info.picocli;
  requires me.tongfei.progressbar;
  requires java.management; // RunStats: heap use
  requires jdk.management; // RunStats: garbage collection notifications

  exports dev.amends.cli;
  opens dev.amends.cli to info.picocli;
}
