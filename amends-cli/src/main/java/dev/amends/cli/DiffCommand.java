package dev.amends.cli;

import dev.amends.core.AmendsException;
import dev.amends.core.account.Account;
import dev.amends.rules.BatchOptions;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditDecision;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code amends diff}: what if another policy applied? Decides every account under two policies
 * (two versions of one, or two different ones), each side with its own engine holding only its
 * policy, and writes the accounts whose lines change, with both decisions and their traces, and
 * the totals per currency before and after.
 *
 * <p>The accounts file is read once, streaming; its requests go to two batches (traces off) in
 * step, so memory does not grow with the fleet. Only the changed accounts are decided again, with
 * traces, to be shown; each is written as it is met. See {@link PolicyDiff} for what makes two
 * lines the same line.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, modelTransformer = DiffCommand.TwoPolicies.class,
    description = {
      "What if: decides every account in the accounts file under the --before policy and under the --after "
          + "policy, for the billing period starting in --period, and writes each account whose credit lines "
          + "change (lines before and after, with both explanations), then the totals per currency before, after "
          + "and the change, and the counts of accounts read, changed, unchanged and rejected.",
      "Lines are matched by subscription, rule path and kind, not by idempotency key. Each policy applies "
          + "where it is in force: a version effective only from a later date gives no lines for an earlier period.",
      "Rejected lines and requests are reported on standard error as they are met; the rest carries on.",
    })
final class DiffCommand implements Callable<Integer> {
  /** The output formats. */
  enum Format { text, ndjson }

  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Option(names = "--before", required = true, paramLabel = "OLD.json",
      description = "The policy in force now, or a policy book document; repeat for several policies.")
  List<Path> before;

  @Option(names = "--after", required = true, paramLabel = "NEW.json",
      description = "The policy to compare with it, or a policy book document; repeat for several policies.")
  List<Path> after;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|ndjson",
      description = "Output format: text (readable, like explain) or ndjson (one object per changed or rejected "
          + "account with both decisions as DecisionJson writes them, then a summary object). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the differences here instead of standard output "
      + "(whole or not at all: written to a temporary file in the same folder, moved into place at the end; "
      + "a device or named pipe, such as /dev/null, is written directly; never one of the inputs).")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "Threads deciding (the two policies take turns, a window of accounts "
      + "at a time). Default: the number of cores.")
  Integer threads;

  /** Takes {@code --policy} off: {@code diff} has {@code --before} and {@code --after} instead. */
  static final class TwoPolicies implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      spec.remove(spec.findOption("--policy"));
      return spec;
    }
  }

  @Override
  public Integer call() {
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
    }
    PrintWriter err = spec.commandLine().getErr();
    Map<String, List<Path>> inputFiles = new LinkedHashMap<>();
    inputFiles.put("--before", before);
    inputFiles.put("--after", after);
    inputFiles.putAll(inputs.files());
    Map<String, Path> outputs = new LinkedHashMap<>();
    outputs.put("--out", out);
    try (OutputFiles files = OutputFiles.open(outputs, inputFiles, List.of("--before", "--after", "--campaign"))) {
      int code = diff(err, files);
      files.commit();
      return code;
    }
  }

  private int diff(PrintWriter err, OutputFiles files) {
    inputs.singleMonth("diff");
    PolicyBook old = Inputs.readPolicies("--before", before, err);
    PolicyBook neu = Inputs.readPolicies("--after", after, err);
    warnIfNotInForce(err, before, old);
    warnIfNotInForce(err, after, neu);
    Set<String> oldIds = ids(old);
    Set<String> newIds = ids(neu);
    if (inputs.issued != null && !oldIds.equals(newIds)) {
      err.println("warning: the policies have different ids (" + String.join(" + ", oldIds) + ", " + String.join(" + ", newIds)
          + "): credits issued under one are not recognised under the other (its lines have other keys), "
          + "so that side credits them again in full");
    }
    CreditEngine.Builder b = inputs.engineBuilder(err);
    CreditEngine oldFast = Inputs.build(b.policies(old).traces(false));
    CreditEngine oldTraced = Inputs.build(b.traces(true));
    CreditEngine newFast = Inputs.build(b.policies(neu).traces(false));
    CreditEngine newTraced = Inputs.build(b.traces(true));
    BatchOptions options = threads == null ? BatchOptions.defaults() : BatchOptions.defaults().threads(threads);

    PolicyDiff diff = new PolicyDiff();
    long compared = 0;
    long changed = 0;
    DiffWriter.Counts counts;
    try (RecordReader<Account> accounts = inputs.accountReader();
        Progress progress = Progress.start(inputs.accounts);
        ReadAhead ahead = new ReadAhead(accounts, inputs::request);
        DiffWriter w = writer(files, label(before, old), label(after, neu))) {
      AccountRequests requests = new AccountRequests(ahead, inputs, () -> { });
      Tee<DecisionRequest> tee = new Tee<>(requests);
      Iterator<BatchResult> oldResults = oldFast.decideAll(tee.first(), options);
      Iterator<BatchResult> newResults = newFast.decideAll(tee.second(), options);
      while (oldResults.hasNext()) {
        BatchResult o = oldResults.next();
        BatchResult n = newResults.next();
        DecisionRequest request = requests.done(o.index());
        if (o instanceof BatchResult.Decided od && n instanceof BatchResult.Decided nd) {
          compared++;
          diff.add(od.decision(), nd.decision());
          if (PolicyDiff.changed(od.decision(), nd.decision())) {
            changed++;
            showChange(w, o.index(), request, oldTraced, newTraced);
          }
        } else {
          inputs.reject("account " + o.accountId().or(n::accountId).orElse("?") + ": "
              + (reason("before", o) + reason("after", n)).strip());
          w.rejected(o.index(), o, n);
        }
        progress.step();
      }
      counts = new DiffWriter.Counts(accounts.read(), compared, changed, compared - changed, inputs.badLines.get());
      w.summary(counts, diff.totals());
    } catch (IOException | UncheckedIOException e) {
      throw new CliException(ExitCodes.FAILURE, "reading or writing failed: " + e.getMessage());
    }
    if (out == null) {
      StandardOutput.check(spec.commandLine().getOut());
    }
    if (out != null || format == Format.ndjson) {
      err.println();
      DiffWriter.printSummary(err, counts, diff.totals());
    }
    err.flush();
    return inputs.badLines.get() == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  private static Set<String> ids(PolicyBook book) {
    Set<String> ids = new TreeSet<>();
    book.policies().forEach(p -> ids.add(p.id()));
    return ids;
  }

  /** The files and the policies' labels of one side. */
  private static String label(List<Path> files, PolicyBook book) {
    return String.join(", ", files.stream().map(f -> String.valueOf(f.getFileName())).toList()) + ", "
        + String.join(", ", book.policies().stream().map(Policy::label).toList());
  }

  /** Decides a changed account again under both policies, traces on, and writes it. */
  private void showChange(DiffWriter w, long index, DecisionRequest request, CreditEngine oldTraced,
      CreditEngine newTraced) {
    try {
      CreditDecision o = oldTraced.decide(request);
      CreditDecision n = newTraced.decide(request);
      w.changed(index, o, n, PolicyDiff.compare(o, n));
    } catch (AmendsException e) {
      // decided a moment ago without traces: only a rule of one's own that fails when traced gets here
      inputs.reject("account " + request.account().id() + " (traced): " + e.getMessage());
    }
  }

  private static String reason(String side, BatchResult r) {
    return r instanceof BatchResult.Rejected j ? "[" + side + "] " + j.reason() + " " : "";
  }

  /**
   * Warns about each policy of a side that is not in force for the whole first day of --period in
   * every zone: it gives no lines where it is not in force.
   */
  private void warnIfNotInForce(PrintWriter err, List<Path> files, PolicyBook book) {
    Instant earliest = inputs.period.atDay(1).atStartOfDay(ZoneOffset.ofHours(14)).toInstant();
    Instant latest = inputs.period.atDay(1).atStartOfDay(ZoneOffset.ofHours(-12)).toInstant();
    String where = String.join(", ", files.stream().map(String::valueOf).toList());
    for (Policy p : book.policies()) {
      if (!p.effective().contains(earliest) || !p.effective().contains(latest)) {
        err.println("warning: " + where + ": " + p.label() + " is in force " + p.effectiveText() + ", not (everywhere) at the start of " + inputs.period + "; it gives no lines where it is not in force");
      }
    }
  }

  private DiffWriter writer(OutputFiles files, String beforeLabel, String afterLabel) {
    Writer w = out == null ? new StandardOutput(spec.commandLine().getOut()) : files.writer("--out");
    return format == Format.ndjson ? new DiffWriter.Ndjson(w, false) : new DiffWriter.Text(w, false, beforeLabel, afterLabel);
  }
}
