package dev.amends.cli;

import dev.amends.rules.IssuedCredit;
import dev.amends.rules.json.AccountRecord;
import dev.amends.rules.json.DecisionJson;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --previous}: the decisions NDJSON of earlier runs (what {@code credit} wrote), read back
 * as credits issued. Every credit line of every decided result counts as issued, for the decision's
 * account and period: first credits, top-ups and clawbacks alike, so a third run is given the
 * outputs of the first two. A key met twice (the same run given twice, or a file concatenated
 * into another) would count its credit twice and claw it back; its decision line is rejected
 * instead, naming where the key was first read.
 *
 * <p>Unlike the other record files, a bad line here stops the run before anything is decided:
 * what that line issued is unknown, so deciding its account again would issue its credits twice.
 */
final class PreviousRuns {
  private final Inputs inputs;
  private final Map<String, String> whereKeyWasRead = new HashMap<>();
  private long decisions;
  private long credits;
  private long otherPeriods;

  private PreviousRuns(Inputs inputs) {
    this.inputs = inputs;
  }

  /**
   * Adds the credits of the files to the issued credits by account; reports on {@code err} how
   * many were read, and how many decisions were for periods not starting in one of {@code months}
   * (which the run does not use).
   */
  static Map<String, List<AccountRecord<IssuedCredit>>> addTo(Map<String, List<AccountRecord<IssuedCredit>>> issued,
      List<Path> files, List<YearMonth> months, Inputs inputs, PrintWriter err) {
    Map<String, List<AccountRecord<IssuedCredit>>> out = new HashMap<>();
    issued.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
    PreviousRuns runs = new PreviousRuns(inputs);
    long badBefore = inputs.badLines.get();
    for (Path file : files) {
      runs.read(file, months, out);
    }
    long bad = inputs.badLines.get() - badBefore;
    if (bad > 0) {
      throw new CliException(ExitCodes.USAGE, "--previous: " + bad + (bad == 1 ? " line" : " lines")
          + " not used; nothing was decided, since the credits on " + (bad == 1 ? "it" : "them")
          + " would be issued again. Give each earlier run's decisions NDJSON once, unedited");
    }
    err.println("previous runs: " + runs.credits + " credit lines of " + runs.decisions + " decisions read from "
        + files.size() + (files.size() == 1 ? " file" : " files")
        + (runs.otherPeriods == 0 ? "" : "; " + runs.otherPeriods + " decisions for periods not starting in "
            + (months.size() == 1 ? months.get(0) : "the months decided") + " are not used"));
    err.flush();
    return out;
  }

  private void read(Path file, List<YearMonth> months, Map<String, List<AccountRecord<IssuedCredit>>> out) {
    RecordReader<List<AccountRecord<IssuedCredit>>> in;
    try {
      in = DecisionJson.issuedReader(file);
    } catch (IOException e) {
      throw Inputs.unreadable(file, e);
    }
    try (in) {
      while (in.hasNext()) {
        var line = in.next();
        inputs.accept(line).ifPresent(lines -> add(file, line.lineNumber(), lines, months, out));
      }
    } catch (IOException | UncheckedIOException e) {
      throw Inputs.unreadable(file, e);
    }
  }

  private void add(Path file, long number, List<AccountRecord<IssuedCredit>> lines, List<YearMonth> months,
      Map<String, List<AccountRecord<IssuedCredit>>> out) {
    String here = file.getFileName() + " line " + number;
    for (AccountRecord<IssuedCredit> c : lines) {
      String first = whereKeyWasRead.get(c.record().key());
      if (first != null) {
        inputs.reject(here + ": credit " + c.record().key() + " of account " + c.accountId()
            + " was already read at " + first + "; is the same run given twice? This decision is not used");
        return;
      }
    }
    decisions++;
    if (!lines.isEmpty() && lines.get(0).periodStart().map(YearMonth::from).filter(months::contains).isEmpty()) {
      otherPeriods++;
    }
    for (AccountRecord<IssuedCredit> c : lines) {
      whereKeyWasRead.put(c.record().key(), here);
      out.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c);
      credits++;
    }
  }
}
