/**
 * The {@code amends} command-line tool: {@code credit}, {@code explain}, {@code diff},
 * {@code validate}, {@code schema}, {@code presets} and {@code completion}. Its commands are read by picocli through reflection,
 * hence the opened package; its report's precompiled jte template is loaded by name from
 * dev.amends.cli.report (not exported).
 */
module dev.amends.cli {
  requires dev.amends.rules;
  requires dev.amends.presets;
  requires dev.amends.ledger;
  requires java.logging; // LedgerOptions: Flyway's progress messages kept off standard error
  requires info.picocli;
  requires me.tongfei.progressbar;
  requires java.management; // RunStats: heap use
  requires jdk.management; // RunStats: garbage collection notifications
  requires gg.jte.runtime;
  // the templates jte generates are marked @javax.annotation.processing.Generated (source retention)
  requires static java.compiler;

  exports dev.amends.cli;
  opens dev.amends.cli to info.picocli;
  opens dev.amends.cli.report to gg.jte.runtime;
}
