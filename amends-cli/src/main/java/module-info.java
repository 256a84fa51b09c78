/**
 * The {@code amends} command-line tool: {@code credit}, {@code explain}, {@code validate} and
 * {@code schema}. Its commands are read by picocli through reflection, and its precompiled
 * report template (jte) is loaded by name, hence the opened package.
 */
module dev.amends.cli {
  requires dev.amends.rules;
  requires info.picocli;
  requires me.tongfei.progressbar;
  requires gg.jte.runtime;
  // the templates jte generates are marked @javax.annotation.processing.Generated (source retention)
  requires static java.compiler;

  exports dev.amends.cli;
  opens dev.amends.cli to info.picocli, gg.jte.runtime;
}
