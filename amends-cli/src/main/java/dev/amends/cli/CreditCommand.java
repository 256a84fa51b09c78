package dev.amends.cli;

import dev.amends.core.account.Account;
import dev.amends.rules.BatchOptions;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.Policy;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code amends credit}: decides every account of a file through the batch API, traces off, and
 * writes the decisions as NDJSON or CSV, with a summary on standard error.
 */
@Command(name = "credit", mixinStandardHelpOptions = true,
    description = {
      "Decides every account in the accounts file for the billing period starting in --period, and writes "
          + "the decisions (NDJSON, one a line, or CSV, one row per credit line) to standard output or --out. "
          + "A summary goes to standard error: accounts read, decided and rejected, and credits per currency, "
          + "plan, scope, rule, and the largest ones.",
      "Rejected lines and requests are reported on standard error as they are met; the rest carries on.",
    })
final class CreditCommand implements Callable<Integer> {
  /** The output formats. */
  enum Format { ndjson, csv }

  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Mixin
  LedgerOptions ledger;

  @Option(names = "--format", defaultValue = "ndjson", paramLabel = "ndjson|csv",
      description = "Output format: ndjson (every decision, and every request the engine rejected, via DecisionJson; unreadable lines are reported on standard error only) or csv (one row per "
          + "credit line). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the decisions here instead of standard output "
      + "(whole or not at all: written to a temporary file in the same folder, moved into place at the end; "
      + "a device or named pipe, such as /dev/null, is written directly; never one of the inputs).")
  Path out;

  @Option(names = "--summary", paramLabel = "FILE",
      description = "Also write the liability summary here as JSON (totals per currency, plan, scope and rule; "
          + "accounts credited; flags raised; the largest credits).")
  Path summaryFile;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "Also write an HTML incident report here: totals, the outages against the maintenance windows, "
          + "liability by plan, scope and rule as charts, and the largest credits with their explanations.")
  Path reportFile;

  @Option(names = "--threads", paramLabel = "N", description = "Threads deciding. Default: the number of cores.")
  Integer threads;

  /** Where this run's lines are recorded ({@code --ledger}); does nothing without one. */
  private LedgerRecording recording = LedgerRecording.NONE;

  /**
   * Whether no policy is in force at each period start met so far: a fleet has a few period starts
   * (one per zone and month), so the book is searched once for each, not once per account.
   */
  private final Map<Instant, Boolean> noPolicyAtStart = new HashMap<>();

  private boolean noPolicyAt(CreditEngine engine, Instant periodStart) {
    return noPolicyAtStart.computeIfAbsent(periodStart, at -> engine.policies().inForce(at).isEmpty());
  }

  /** Accounts decided with no policy in force at the start of their period, and one of them. */
  private long noPolicy;
  private String noPolicyExample;

  @Override
  public Integer call() {
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
    }
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Path> outputs = new LinkedHashMap<>();
    outputs.put("--out", out);
    outputs.put("--summary", summaryFile);
    outputs.put("--report", reportFile);
    RunStats stats = new RunStats();
    Summary summary = new Summary();
    CreditEngine engine;
    try (stats; OutputFiles files = OutputFiles.open(outputs, inputs.files(), List.of("--policy", "--campaign"))) {
      engine = inputs.engine(err, false);
      stats.policyLoaded(inputs.policyNanos);
      recording = ledger.start(inputs, engine, err);
      stats.setupDone();
      BatchOptions options = threads == null ? BatchOptions.defaults() : BatchOptions.defaults().threads(threads);
      try (DecisionSink sink = new WriteBehind(sink(files))) {
        // one pass over the accounts per month: output in month order, then input order
        boolean first = true;
        for (YearMonth month : inputs.months()) {
          inputs.period = month;
          inputs.quietAccountLines = !first;
          decide(engine, options, summary, sink, first);
          first = false;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (out == null) {
        StandardOutput.check(spec.commandLine().getOut());
      }
      summary.badLines(inputs.badLines.get());
      if (summaryFile != null) {
        SummaryJsonFile.write(files.writer("--summary"), summary.liability());
      }
      if (reportFile != null) {
        IncidentReport.write(files.writer("--report"), inputs, summary.liability(), summary.counts());
      }
      files.commit();
    }
    summary.print(err);
    recording.finish(summary.read(), inputs.badLines.get(), err);
    stats.print(err, summary.read());
    if (noPolicy > 0) {
      warnNoPolicy(err, engine, noPolicy, noPolicyExample);
    }
    err.flush();
    return inputs.badLines.get() == 0 && noPolicy == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  /**
   * Warns that accounts were decided with no policy in force at the start of their billing period
   * (a --period before the first version, or after the last): they get no SLA credit at all, which
   * is rarely what was meant.
   */
  static void warnNoPolicy(PrintWriter err, CreditEngine engine, long accounts, String example) {
    StringBuilder sb = new StringBuilder("warning: ").append(accounts).append(accounts == 1 ? " account (" : " accounts (such as ")
        .append(example).append(") had no policy in force at the start of the billing period, so no SLA credit was "
            + "decided for them; the policies are in force:");
    for (Policy p : engine.policies().policies()) {
      sb.append(' ').append(p.label()).append(" from ").append(p.effectiveFrom())
          .append(p.effectiveUntil().map(u -> " until " + u).orElse(" on (open-ended)")).append(';');
    }
    sb.setLength(sb.length() - 1);
    err.println(sb);
  }

  /** Decides every account's period starting in {@code inputs.period}; counts the file on the first pass. */
  private void decide(CreditEngine engine, BatchOptions options, Summary summary, DecisionSink sink, boolean first)
      throws IOException {
    try (RecordReader<Account> accounts = inputs.accountReader();
        Progress progress = Progress.start(inputs.accounts);
        ReadAhead ahead = new ReadAhead(accounts, inputs::request)) {
      AccountRequests requests = new AccountRequests(ahead, inputs, summary::refused);
      Iterator<BatchResult> results = engine.decideAll(requests, options);
      while (results.hasNext()) {
        BatchResult r = results.next();
        DecisionRequest request = requests.done(r.index());
        Account account = request.account();
        summary.add(account, r);
        if (r instanceof BatchResult.Rejected j) {
          inputs.reject("account " + j.accountId().orElse("?") + ": " + j.reason());
        } else if (noPolicyAt(engine, request.period().start())) {
          noPolicy++;
          noPolicyExample = noPolicyExample == null ? account.id() : noPolicyExample;
        }
        sink.write(r);
        recording.add(r);
        progress.step();
      }
      if (first) {
        summary.read(accounts.read(), accounts.rejected());
      }
    }
    recording.flush();
  }

  private DecisionSink sink(OutputFiles files) {
    Writer w = out == null ? new StandardOutput(spec.commandLine().getOut()) : files.writer("--out");
    return format == Format.csv ? new CsvSink(w, false) : new NdjsonSink(w, false);
  }

  /** Where results go. */
  interface DecisionSink extends AutoCloseable {
    void write(BatchResult result);

    @Override
    void close() throws IOException;
  }

  /** Every result, as DecisionJson writes it. */
  static final class NdjsonSink implements DecisionSink {
    private final dev.amends.rules.json.RecordWriter<BatchResult> writer;
    private final boolean close;

    NdjsonSink(Writer w, boolean close) {
      this.writer = dev.amends.rules.json.DecisionJson.writer(w);
      this.close = close;
    }

    @Override
    public void write(BatchResult result) {
      writer.write(result);
    }

    @Override
    public void close() throws IOException {
      if (close) {
        writer.close();
      } else {
        writer.flush();
      }
    }
  }
}
