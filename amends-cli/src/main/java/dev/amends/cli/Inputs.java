package dev.amends.cli;

import dev.amends.core.AmendsException;
import dev.amends.core.InvalidInputException;
import dev.amends.core.account.Account;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.telemetry.TelemetrySample;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.Claim;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.PolicyDefinitionException;
import dev.amends.rules.json.AccountRecord;
import dev.amends.rules.json.JsonDocumentException;
import dev.amends.rules.json.Loaded;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The inputs shared by {@code credit} and {@code explain}: the policy, the campaigns, the record
 * files and the period; and how they are read. Rejected lines are reported on standard error as
 * they are met and counted; the rest carries on.
 */
final class Inputs {
  @Option(names = "--policy", paramLabel = "POLICY.json",
      description = "A policy document, or a policy book document (\"schema\": \"amends.policy-book/1\"); repeat for "
          + "several policies (such as one for compute plans and one for storage plans). Or --preset.")
  List<Path> policies;

  @Option(names = "--preset", paramLabel = "NAME",
      description = "A published SLA shipped with amends, instead of --policy; amends presets lists them.")
  String preset;

  @Option(names = "--campaign", paramLabel = "CAMPAIGN.json",
      description = "A goodwill campaign document (amends.campaign/1); repeat for several.")
  List<Path> campaigns;

  @Option(names = "--accounts", required = true, paramLabel = "FILE", description = "Accounts, NDJSON, read streaming.")
  Path accounts;

  @Option(names = "--outages", required = true, paramLabel = "FILE", description = "Outage records, NDJSON.")
  Path outages;

  @Option(names = "--telemetry", paramLabel = "FILE", description = "Telemetry samples, NDJSON.")
  Path telemetry;

  @Option(names = "--claims", paramLabel = "FILE", description = "Claims with their account ids, NDJSON.")
  Path claims;

  @Option(names = "--issued", paramLabel = "FILE", description = "Credits already issued, with their account ids and periods, NDJSON "
      + "(those of earlier periods are read only by rolling measurement windows).")
  Path issued;

  @Option(names = "--previous", paramLabel = "FILE", description = "The decisions NDJSON of an earlier run of this "
      + "period (what credit wrote), its every credit line taken as issued; repeat for every earlier run. A re-run "
      + "then issues only top-ups and clawbacks for what changed.")
  List<Path> previous = List.of();

  @Option(names = "--period", paramLabel = "YYYY-MM[..YYYY-MM]", converter = Months.Converter.class,
      description = "The month in which each account's billing period starts, such as 2007-12; or a range of "
          + "months, such as 2026-02..2026-03, to decide every account's period starting in each (at most "
          + Months.MAX + " months; output in month order, then input order).")
  Months periods;

  @Option(names = "--periods-touched",
      description = "Decide every billing period of each account that an outage of the outages file overlaps "
          + "(within --period's months, if given): an outage across a month end is decided in both periods. "
          + "Periods no outage overlaps are not decided.")
  boolean periodsTouched;

  /**
   * The month being decided: one of {@link #months()}, set for each pass over the accounts by the
   * command (the first month until then).
   */
  YearMonth period;

  @Option(names = "--allow-bad-records",
      description = "Decide even when outage or telemetry lines were rejected (each is still reported, and the exit "
          + "code is 4). Without it such a line stops the run with exit 5 before anything is decided: every decision "
          + "may depend on the outage or sample it held.")
  boolean allowBadRecords;

  @Option(names = "--evaluated-at", paramLabel = "INSTANT",
      description = "The instant the decisions are made at, such as 2008-01-15T12:00:00Z: recorded on each decision "
          + "and used for the account's standing. Default: the end of each account's billing period.")
  Instant evaluatedAt;

  /** Lines rejected in any file, and requests that could not be built. */
  final AtomicLong badLines = new AtomicLong();

  /** How long {@link #engine} took to read and check the policy, in nanoseconds. */
  long policyNanos;
  /** The outages read by {@link #engine}, for the report. */
  List<Outage> outagesRead = List.of();

  private PrintWriter err;
  private List<YearMonth> months = List.of();
  /** With {@code --periods-touched}: the outages' windows, merged; periods must overlap one. */
  private List<org.threeten.extra.Interval> touched;
  /** Set for passes over the accounts after the first: their bad lines were reported already. */
  boolean quietAccountLines;
  private CreditEngine.Builder policyEngine;
  private Map<String, List<Claim>> claimsByAccount = Map.of();
  private Map<String, List<AccountRecord<IssuedCredit>>> issuedByAccount = Map.of();

  /**
   * Reads the policy and every file but the accounts, and builds the engine.
   *
   * @throws CliException with {@link ExitCodes#BAD_POLICY} or {@link ExitCodes#USAGE}
   */
  CreditEngine engine(PrintWriter err, boolean traces) {
    long started = System.nanoTime();
    PolicyBook book = PresetsCommand.chosen(policies, preset, err);
    policyNanos = System.nanoTime() - started;
    policyEngine = engineBuilder(err).policies(book);
    return build(policyEngine.traces(traces));
  }

  /**
   * Builds an engine.
   *
   * @throws CliException with {@link ExitCodes#BAD_POLICY} if the policies and campaigns do not
   *     fit together (the engine's own message)
   */
  static CreditEngine build(CreditEngine.Builder b) {
    try {
      return b.build();
    } catch (AmendsException | IllegalArgumentException e) {
      throw new CliException(ExitCodes.BAD_POLICY, "the policies and campaigns cannot be used together: " + e.getMessage());
    }
  }

  /** The input files by option, in the order of {@code --help}, for {@link OutputFiles}. */
  Map<String, List<Path>> files() {
    Map<String, List<Path>> m = new LinkedHashMap<>();
    m.put("--policy", policies == null ? List.of() : policies);
    m.put("--campaign", campaigns == null ? List.of() : campaigns);
    m.put("--accounts", accounts == null ? List.of() : List.of(accounts));
    m.put("--outages", outages == null ? List.of() : List.of(outages));
    m.put("--telemetry", telemetry == null ? List.of() : List.of(telemetry));
    m.put("--claims", claims == null ? List.of() : List.of(claims));
    m.put("--issued", issued == null ? List.of() : List.of(issued));
    m.put("--previous", previous);
    return m;
  }

  /** The policy files' names, for the report. */
  String policyNames() {
    if (policies == null || policies.isEmpty()) {
      return "preset " + preset;
    }
    return String.join(", ", policies.stream().map(p -> String.valueOf(p.getFileName())).toList());
  }

  /**
   * Reads the campaigns and every file but the policy and the accounts: a builder with the
   * campaigns, outages and telemetry, still to be given its policies; it may build several
   * engines.
   *
   * @throws CliException with {@link ExitCodes#BAD_POLICY} or {@link ExitCodes#USAGE}
   */
  CreditEngine.Builder engineBuilder(PrintWriter err) {
    this.err = err;
    var goodwill = Documents.campaigns(campaigns, err);
    long badBefore = badLines.get();
    List<Outage> outageList = readOutages();
    resolveMonths(outageList);
    CreditEngine.Builder b = CreditEngine.builder()
        .outages(OutageLog.of(outageList))
        .campaigns(goodwill);
    TelemetryLog samples = telemetry == null ? null : readTelemetry();
    long badEvidence = badLines.get() - badBefore;
    if (claims != null) {
      Map<String, List<Claim>> m = new HashMap<>();
      readAll(RecordFormat.CLAIMS, claims,
          c -> m.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c.record()));
      claimsByAccount = m;
    }
    if (issued != null) {
      Map<String, List<AccountRecord<IssuedCredit>>> m = new HashMap<>();
      readAll(RecordFormat.ISSUED_CREDITS, issued,
          c -> m.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c));
      issuedByAccount = m;
    }
    if (badEvidence > 0 && !allowBadRecords) {
      throw new CliException(ExitCodes.BAD_RECORDS, badEvidence + (badEvidence == 1 ? " outage or telemetry line was"
          : " outage or telemetry lines were") + " rejected (each reported above): nothing was decided, since any "
          + "decision may depend on them. Correct them, or give --allow-bad-records to decide without them");
    }
    if (badEvidence > 0) {
      err.println("warning: deciding without " + badEvidence + " rejected outage or telemetry "
          + (badEvidence == 1 ? "line" : "lines") + " (--allow-bad-records)");
      err.flush();
    }
    if (samples != null) {
      b.telemetry(samples);
    }
    if (!previous.isEmpty()) {
      issuedByAccount = PreviousRuns.addTo(issuedByAccount, previous, months, this, err);
    }
    outagesRead = List.copyOf(outageList);
    if (periodsTouched) {
      months = months.isEmpty() ? months : monthsOfAccounts();
      period = months.isEmpty() ? null : months.get(0);
      if (months.isEmpty()) {
        err.println("warning: --periods-touched: no outage in " + outages + " overlaps a billing period of an account"
            + (periods == null ? "" : " starting in " + periods) + "; nothing is decided");
        err.flush();
      }
    }
    return b;
  }

  /**
   * The months to decide, in order: {@code --period}'s, or with {@code --periods-touched} those
   * in which a billing period overlapping an outage may start (each account's own periods are
   * checked by {@link #request}). Known once {@link #engineBuilder} has read the outages.
   */
  List<YearMonth> months() {
    return months;
  }

  /** Whether more than one month may be decided: {@code --periods-touched} or a range. */
  boolean severalMonths() {
    return periodsTouched || (periods != null && !periods.first().equals(periods.last()));
  }

  /**
   * For a command that decides one month only ({@code diff}): the month of {@code --period}.
   *
   * @throws CliException with {@link ExitCodes#USAGE} for a range, {@code --periods-touched} or no
   *     {@code --period}
   */
  YearMonth singleMonth(String command) {
    if (periods == null || severalMonths()) {
      throw new CliException(ExitCodes.USAGE, command + " decides one billing period: give --period YYYY-MM"
          + (periodsTouched || periods != null ? " (not a range or --periods-touched)" : ""));
    }
    period = periods.first();
    months = List.of(period);
    return period;
  }

  private void resolveMonths(List<Outage> outageList) {
    if (periods == null && !periodsTouched) {
      throw new CliException(ExitCodes.USAGE, "missing option: --period YYYY-MM (or a range YYYY-MM..YYYY-MM, "
          + "or --periods-touched)");
    }
    if (!periodsTouched) {
      months = periods.list();
    } else {
      touched = Months.merged(outageList);
      try {
        months = Months.candidates(touched, periods);
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw new CliException(ExitCodes.USAGE, "--periods-touched: " + e.getMessage());
      }
    }
    period = months.isEmpty() ? null : months.get(0);
  }

  /**
   * The candidate months in which some account's period overlapping an outage starts: one quiet
   * pass over the accounts file (its bad lines are reported when it is read to be decided), so
   * that no pass decides nothing.
   */
  private List<YearMonth> monthsOfAccounts() {
    java.util.TreeSet<YearMonth> found = new java.util.TreeSet<>();
    try (RecordReader<Account> in = accountReader()) {
      while (in.hasNext() && found.size() < months.size()) {
        if (in.next() instanceof RecordLine.Accepted<Account> a) {
          for (YearMonth m : months) {
            if (!found.contains(m) && touches(a.record(), m)) {
              found.add(m);
            }
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw unreadable(accounts, e);
    }
    return List.copyOf(found);
  }

  /** Whether a period of the account's schedule starts in the month. */
  private static boolean startsIn(Account account, YearMonth month) {
    try {
      account.billing().periodStartingIn(month);
      return true;
    } catch (dev.amends.core.InvalidInputException e) {
      return false;
    }
  }

  /** Whether the account has a period starting in the month that overlaps an outage. */
  private boolean touches(Account account, YearMonth month) {
    try {
      return Months.touches(touched, account.billing().periodStartingIn(month).window());
    } catch (dev.amends.core.InvalidInputException e) {
      return false;
    }
  }

  /**
   * The outages, each id once: a second line with an id already read is rejected, naming the
   * line the id was first read on.
   */
  private List<Outage> readOutages() {
    List<Outage> list = new ArrayList<>();
    Map<String, Long> firstLine = new HashMap<>();
    try (RecordReader<Outage> in = open(RecordFormat.OUTAGES, outages)) {
      while (in.hasNext()) {
        RecordLine<Outage> line = in.next();
        Optional<Outage> o = accept(line);
        if (o.isPresent()) {
          Long first = firstLine.putIfAbsent(o.get().id(), line.lineNumber());
          if (first == null) {
            list.add(o.get());
          } else {
            reject(outages.getFileName() + " line " + line.lineNumber() + ": /id: \"" + o.get().id()
                + "\" is the id of the outage on line " + first + "; an outage id must be unique");
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw unreadable(outages, e);
    }
    return list;
  }

  /**
   * The telemetry samples as a log.
   *
   * @throws CliException with {@link ExitCodes#BAD_RECORDS} if two samples of a scope overlap,
   *     naming both lines
   */
  private TelemetryLog readTelemetry() {
    List<TelemetrySample> samples = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (RecordReader<TelemetrySample> in = open(RecordFormat.TELEMETRY, telemetry)) {
      while (in.hasNext()) {
        RecordLine<TelemetrySample> line = in.next();
        accept(line).ifPresent(t -> {
          samples.add(t);
          lines.add(line.lineNumber());
        });
      }
    } catch (IOException | UncheckedIOException e) {
      throw unreadable(telemetry, e);
    }
    try {
      return TelemetryLog.of(samples);
    } catch (InvalidInputException e) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("samples\\[(\\d+)]").matcher(e.field());
      String where = m.find() && Integer.parseInt(m.group(1)) < lines.size()
          ? " line " + lines.get(Integer.parseInt(m.group(1))) : "";
      throw new CliException(ExitCodes.BAD_RECORDS, telemetry.getFileName() + where + ": " + e.getMessage()
          + "; nothing was decided");
    }
  }

  /** The credits the ledger holds for the period, by account, in place of {@code --issued} and {@code --previous}. */
  void issuedFromLedger(Map<String, List<AccountRecord<IssuedCredit>>> byAccount) {
    issuedByAccount = byAccount;
  }

  /** An engine on the inputs {@link #engine} read, with traces on; reads nothing again. */
  CreditEngine tracedEngine() {
    return build(policyEngine.traces(true));
  }

  /**
   * The request for an account: its billing period starting in {@link #period}, its claims and
   * the credits issued for that period (an issued credit without a period is taken as issued for
   * this one); credits of earlier periods as {@link DecisionRequest#issuedEarlier()}, which only a
   * rolling measurement window reads.
   *
   * <p>With {@code --periods-touched}, null (nothing to decide, and nothing to report) when no
   * period of the account starts in the month or its period overlaps no outage; with a range of
   * months, null when no period of the account starts in the month (a quarterly account in its
   * quarter's second and third months). With several months, an issued credit must name its
   * period.
   *
   * @throws dev.amends.core.InvalidInputException if no period of the account's schedule starts
   *     in the month
   */
  DecisionRequest request(Account account) {
    if (periodsTouched ? !touches(account, period) : months.size() > 1 && !startsIn(account, period)) {
      return null;
    }
    BillingPeriod bp = account.billing().periodStartingIn(period);
    DecisionRequest.Builder b = DecisionRequest.builder().account(account).period(bp);
    if (evaluatedAt != null) {
      b.evaluatedAt(evaluatedAt);
    }
    b.addAllClaims(claimsByAccount.getOrDefault(account.id(), List.of()));
    for (AccountRecord<IssuedCredit> c : issuedByAccount.getOrDefault(account.id(), List.of())) {
      if (c.periodStart().isEmpty() && months.size() > 1) {
        throw dev.amends.core.InvalidInputException.of("issued.periodStart",
            "is needed when several periods are decided (" + months.size() + " months), to know which one the "
                + "credit was issued for", c.record().key());
      }
      if (c.periodStart().map(bp.startDate()::equals).orElse(true)) {
        b.addIssued(c.record());
      } else if (c.periodStart().get().isBefore(bp.startDate())) {
        b.addIssuedEarlier(c.record()); // read only by rolling measurement windows, for the outages it used
      }
    }
    return b.build();
  }

  /** Opens the accounts file. */
  RecordReader<Account> accountReader() {
    return open(RecordFormat.ACCOUNTS, accounts);
  }

  /** Counts and reports a rejected line; gives the record of an accepted one. */
  <T> Optional<T> accept(RecordLine<T> line) {
    return switch (line) {
      case RecordLine.Accepted<T> a -> Optional.of(a.record());
      case RecordLine.Rejected<T> r -> {
        if (!quietAccountLines) {
          reject(r.problem().getMessage());
        }
        yield Optional.empty();
      }
    };
  }

  /** Counts and reports something that could not be read or requested. */
  void reject(String message) {
    badLines.incrementAndGet();
    synchronized (err) {
      err.println("rejected: " + message);
      err.flush();
    }
  }

  private <T> void readAll(RecordFormat<T> format, Path file, Consumer<T> sink) {
    try (RecordReader<T> in = open(format, file)) {
      while (in.hasNext()) {
        accept(in.next()).ifPresent(sink);
      }
    } catch (IOException | UncheckedIOException e) {
      throw unreadable(file, e);
    }
  }

  private static <T> RecordReader<T> open(RecordFormat<T> format, Path file) {
    try {
      return format.reader(file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Reads the policies of every policy and policy book document given as {@code option} into one
   * book.
   *
   * @throws CliException with {@link ExitCodes#BAD_POLICY} after printing every problem of every
   *     document and of the book they make, or {@link ExitCodes#USAGE} if a file cannot be read
   */
  static PolicyBook readPolicies(String option, List<Path> files, PrintWriter err) {
    List<Policy> all = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (Path file : files) {
      boolean book = isBook(file);
      try {
        if (book) {
          all.addAll(PolicyDocuments.standard().readBook(Files.readString(file)).value().policies());
        } else {
          all.add(PolicyDocuments.standard().read(file).value());
        }
      } catch (IOException | UncheckedIOException e) {
        throw unreadable(file, e);
      } catch (JsonDocumentException e) {
        bad.add(Documents.report(file, book ? "policy book" : "policy", e, err));
      }
    }
    if (!bad.isEmpty()) {
      throw new CliException(ExitCodes.BAD_POLICY, String.join("; ", bad));
    }
    try {
      return PolicyBook.of(all);
    } catch (PolicyDefinitionException e) {
      e.problems().forEach(problem -> err.println(option + ": " + problem));
      throw new CliException(ExitCodes.BAD_POLICY, option + ": the policies given do not make one policy book ("
          + e.problems().size() + (e.problems().size() == 1 ? " problem)" : " problems)"));
    }
  }

  private static boolean isBook(Path file) {
    try {
      return PolicyDocuments.isBook(file);
    } catch (UncheckedIOException e) {
      return false; // the policy reader reports the file
    }
  }

  /**
   * Reads a policy document.
   *
   * @throws CliException with {@link ExitCodes#BAD_POLICY} listing every problem, or {@link
   *     ExitCodes#USAGE} if the file cannot be read
   */
  static Loaded<Policy> readPolicy(Path file, PrintWriter err) {
    try {
      return PolicyDocuments.standard().read(file);
    } catch (UncheckedIOException e) {
      throw unreadable(file, e);
    } catch (JsonDocumentException e) {
      throw new CliException(ExitCodes.BAD_POLICY, Documents.report(file, "policy", e, err));
    }
  }

  /** One clear line for a file that cannot be read. */
  static CliException unreadable(Path file, Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    String why = switch (cause) {
      case NoSuchFileException n -> "no such file";
      case AccessDeniedException a -> "permission denied";
      default -> Files.isDirectory(file) ? "is a directory" : String.valueOf(cause.getMessage());
    };
    return new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + why);
  }
}
