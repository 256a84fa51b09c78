package dev.amends.cli;

import dev.amends.core.account.Account;
import dev.amends.rules.BatchOptions;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Iterator;
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

  @Option(names = "--out", paramLabel = "FILE", description = "Write the decisions here instead of standard output.")
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

  @Override
  public Integer call() {
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
    }
    PrintWriter err = spec.commandLine().getErr();
    RunStats stats = new RunStats();
    CreditEngine engine = inputs.engine(err, false);
    stats.policyLoaded(inputs.policyNanos);
    LedgerRecording recording = ledger.start(inputs, engine, err);
    stats.setupDone();
    BatchOptions options = threads == null ? BatchOptions.defaults() : BatchOptions.defaults().threads(threads);
    Summary summary = new Summary();
    try (RecordReader<Account> accounts = inputs.accountReader();
        Progress progress = Progress.start(inputs.accounts);
        ReadAhead ahead = new ReadAhead(accounts, inputs::request);
        DecisionSink sink = new WriteBehind(sink())) {
      AccountRequests requests = new AccountRequests(ahead, inputs, summary::refused);
      Iterator<BatchResult> results = engine.decideAll(requests, options);
      while (results.hasNext()) {
        BatchResult r = results.next();
        Account account = requests.done(r.index()).account();
        summary.add(account, r);
        if (r instanceof BatchResult.Rejected j) {
          inputs.reject("account " + j.accountId().orElse("?") + ": " + j.reason());
        }
        sink.write(r);
        recording.add(r);
        progress.step();
      }
      recording.flush();
      summary.read(accounts.read(), accounts.rejected());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out == null && spec.commandLine().getOut().checkError()) {
      throw new CliException(ExitCodes.FAILURE, "writing to standard output failed; the decisions are incomplete");
    }
    summary.badLines(inputs.badLines.get());
    summary.print(err);
    recording.finish(summary.read(), inputs.badLines.get(), err);
    stats.print(err, summary.read());
    stats.close();
    err.flush();
    if (summaryFile != null) {
      SummaryJsonFile.write(summaryFile, summary.liability());
    }
    if (reportFile != null) {
      IncidentReport.write(reportFile, inputs, summary.liability(), summary.counts());
    }
    return inputs.badLines.get() == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  private DecisionSink sink() {
    Writer w = Inputs.output(out, spec.commandLine().getOut());
    boolean close = out != null;
    return format == Format.csv ? new CsvSink(w, close) : new NdjsonSink(w, close);
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
