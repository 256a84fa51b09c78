package dev.amends.cli;

import dev.amends.ledger.CreditLedger;
import dev.amends.ledger.LedgerException;
import dev.amends.rules.Campaign;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.Policy;
import dev.amends.rules.json.AccountRecord;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Option;

/**
 * {@code credit --ledger} and {@code --dry-run}: what was issued is read from the issued-credit
 * ledger (an SQLite file or a JDBC URL) instead of {@code --issued} or {@code --previous}, and
 * the lines decided (only the differences) are recorded in it. Credentials come from the
 * environment only: {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}.
 */
final class LedgerOptions {
  static final String USER_VARIABLE = "AMENDS_LEDGER_USER";
  static final String PASSWORD_VARIABLE = "AMENDS_LEDGER_PASSWORD";

  /** Flyway logs through java.util.logging here: its progress is not the user's business. Held, so it stays set. */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  @Option(names = "--ledger", paramLabel = "FILE.db|JDBC-URL",
      description = "The issued-credit ledger: an SQLite file (created if absent) or a JDBC URL such as "
          + "jdbc:postgresql://127.0.0.1:5432/billing. What it holds for the period is taken as issued; the lines "
          + "decided (only the differences) are recorded in it, each once. Credentials come from the environment: "
          + USER_VARIABLE + " and " + PASSWORD_VARIABLE + ".")
  String ledger;

  @Option(names = "--dry-run", description = "With --ledger: decide and write the lines that would be recorded, but "
      + "record nothing.")
  boolean dryRun;

  /** Lines per transaction; hidden: for the fault tests, which need a run that is slow to finish. */
  @Option(names = "--ledger-chunk", hidden = true, paramLabel = "N")
  Integer chunk;

  /** The environment the credentials are read from; the in-process tests replace it. */
  static Map<String, String> environment = System.getenv();

  /**
   * Opens the ledger, if {@code --ledger} is given, hands what it holds for the period to {@code
   * inputs} as issued, and starts a run; otherwise a recording that does nothing.
   *
   * @throws CliException with {@link ExitCodes#USAGE} for bad options, or {@link
   *     ExitCodes#FAILURE} if the ledger cannot be opened or read
   */
  LedgerRecording start(Inputs inputs, CreditEngine engine, PrintWriter err) {
    if (ledger == null) {
      if (dryRun) {
        throw new CliException(ExitCodes.USAGE, "--dry-run needs --ledger: without a ledger nothing is recorded anyway");
      }
      return LedgerRecording.NONE;
    }
    if (inputs.months().size() > 1 || inputs.severalMonths()) {
      throw new CliException(ExitCodes.USAGE, "--ledger decides one billing month per run: give --period YYYY-MM, "
          + "not a range or --periods-touched (run once per month)");
    }
    if (inputs.issued != null || !inputs.previous.isEmpty()) {
      throw new CliException(ExitCodes.USAGE, "--ledger says what was issued; do not give --issued or --previous "
          + "with it, or those credits would count twice");
    }
    if (chunk != null && (chunk < 1 || chunk > CreditLedger.DEFAULT_CHUNK_SIZE)) {
      throw new CliException(ExitCodes.USAGE, "--ledger-chunk must be between 1 and " + CreditLedger.DEFAULT_CHUNK_SIZE
          + ", not " + chunk);
    }
    if (ledger.isBlank()) {
      throw new CliException(ExitCodes.USAGE, "--ledger is blank: give an SQLite file or a JDBC URL");
    }
    if (ledger.startsWith("jdbc:") && hasCredentials(ledger)) {
      throw new CliException(ExitCodes.USAGE, "--ledger: the URL holds a password; give it in the environment ("
          + USER_VARIABLE + ", " + PASSWORD_VARIABLE + "), never on the command line, where other users can read it");
    }
    FLYWAY_LOG.setLevel(Level.WARNING);
    boolean isFile = !ledger.startsWith("jdbc:");
    if (dryRun && isFile && !Files.exists(Path.of(ledger))) {
      err.println("ledger: " + ledger + " does not exist; dry run: nothing is issued, nothing will be recorded");
      return LedgerRecording.dryRun(null, ledger);
    }
    CreditLedger opened;
    try {
      opened = isFile ? CreditLedger.sqlite(Path.of(ledger))
          : CreditLedger.jdbc(ledger, environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE));
      Map<String, List<AccountRecord<IssuedCredit>>> issued = new HashMap<>();
      long[] lines = {0};
      opened.issuedIn(inputs.period, c -> {
        issued.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c);
        lines[0]++;
      });
      inputs.issuedFromLedger(issued);
      err.println("ledger: " + lines[0] + " credit lines issued for periods starting in " + inputs.period + " read from "
          + opened.database() + " " + where());
      err.flush();
    } catch (LedgerException e) {
      throw new CliException(ExitCodes.FAILURE, "ledger " + where() + ": " + e.getMessage());
    }
    if (chunk != null) {
      opened = opened.withChunkSize(chunk);
    }
    if (dryRun) {
      return LedgerRecording.dryRun(opened, where());
    }
    List<String> policies = engine.policies().policies().stream().map(Policy::digest).toList();
    List<String> campaigns = Arrays.stream(Documents.campaigns(inputs.campaigns, err)).map(Campaign::digest).toList();
    return LedgerRecording.start(opened, policies, campaigns, where());
  }

  /** The ledger without its URL's parameters (which may name a user). */
  private String where() {
    int q = ledger.indexOf('?');
    return q < 0 ? ledger : ledger.substring(0, q);
  }

  private static boolean hasCredentials(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    int scheme = u.indexOf("://");
    int at = scheme < 0 ? -1 : u.indexOf('@', scheme);
    int slash = scheme < 0 ? -1 : u.indexOf('/', scheme + 3);
    boolean userInfo = at > 0 && (slash < 0 || at < slash) && u.substring(scheme + 3, at).contains(":");
    return userInfo || u.matches(".*[?&;:]password=.*");
  }
}
