package dev.amends.cli;

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
  @Option(names = "--policy", required = true, paramLabel = "POLICY.json", description = "The policy document.")
  Path policy;

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

  @Option(names = "--issued", paramLabel = "FILE", description = "Credits already issued, with their account ids and periods, NDJSON.")
  Path issued;

  @Option(names = "--previous", paramLabel = "FILE", description = "The decisions NDJSON of an earlier run of this "
      + "period (what credit wrote), its every credit line taken as issued; repeat for every earlier run. A re-run "
      + "then issues only top-ups and clawbacks for what changed.")
  List<Path> previous = List.of();

  @Option(names = "--period", required = true, paramLabel = "YYYY-MM",
      description = "The month in which each account's billing period starts, such as 2007-12.")
  YearMonth period;

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
    Policy p = readPolicy(policy, err).value();
    policyNanos = System.nanoTime() - started;
    policyEngine = engineBuilder(err).policies(PolicyBook.of(p));
    return policyEngine.traces(traces).build();
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
    List<Outage> outageList = new ArrayList<>();
    readAll(RecordFormat.OUTAGES, outages, outageList::add);
    CreditEngine.Builder b = CreditEngine.builder()
        .outages(OutageLog.of(outageList))
        .campaigns(goodwill);
    if (telemetry != null) {
      List<TelemetrySample> samples = new ArrayList<>();
      readAll(RecordFormat.TELEMETRY, telemetry, samples::add);
      b.telemetry(TelemetryLog.of(samples));
    }
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
    if (!previous.isEmpty()) {
      issuedByAccount = PreviousRuns.addTo(issuedByAccount, previous, period, this, err);
    }
    outagesRead = List.copyOf(outageList);
    return b;
  }

  /** The credits the ledger holds for the period, by account, in place of {@code --issued} and {@code --previous}. */
  void issuedFromLedger(Map<String, List<AccountRecord<IssuedCredit>>> byAccount) {
    issuedByAccount = byAccount;
  }

  /** An engine on the inputs {@link #engine} read, with traces on; reads nothing again. */
  CreditEngine tracedEngine() {
    return policyEngine.traces(true).build();
  }

  /**
   * The request for an account: its billing period starting in {@link #period}, its claims and
   * the credits issued for that period (an issued credit without a period is taken as issued for
   * this one).
   *
   * @throws dev.amends.core.InvalidInputException if no period of the account's schedule starts
   *     in the month
   */
  DecisionRequest request(Account account) {
    BillingPeriod bp = account.billing().periodStartingIn(period);
    DecisionRequest.Builder b = DecisionRequest.builder().account(account).period(bp);
    if (evaluatedAt != null) {
      b.evaluatedAt(evaluatedAt);
    }
    b.addAllClaims(claimsByAccount.getOrDefault(account.id(), List.of()));
    for (AccountRecord<IssuedCredit> c : issuedByAccount.getOrDefault(account.id(), List.of())) {
      if (c.periodStart().map(bp.startDate()::equals).orElse(true)) {
        b.addIssued(c.record());
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
        reject(r.problem().getMessage());
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

  /**
   * Where a command writes: the file, UTF-8, or standard output if none is given.
   *
   * @throws CliException with {@link ExitCodes#USAGE} if the file cannot be opened
   */
  static Writer output(Path out, PrintWriter stdout) {
    if (out == null) {
      return stdout;
    }
    try {
      return Files.newBufferedWriter(out, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot write " + out + ": " + e.getMessage());
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
