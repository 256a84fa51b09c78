package dev.amends.cli;

import dev.amends.ledger.CreditLedger;
import dev.amends.ledger.LedgerException;
import dev.amends.ledger.LedgerRun;
import dev.amends.ledger.RunCounts;
import dev.amends.rules.BatchResult;
import dev.amends.rules.CreditLine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a {@code credit} run on their way into the ledger: buffered to a chunk, recorded one
 * transaction per chunk as results come, and the run's end recorded with its counts. A dry run
 * only counts. {@link #NONE} when there is no ledger.
 */
class LedgerRecording {
  /** No ledger: does nothing. */
  static final LedgerRecording NONE = new LedgerRecording(null, null, "");

  private final CreditLedger ledger;
  private final LedgerRun run;
  private final String where;
  private final List<CreditLine> buffer = new ArrayList<>();
  private long lines;
  private long decided;
  private long rejected;

  private LedgerRecording(CreditLedger ledger, LedgerRun run, String where) {
    this.ledger = ledger;
    this.run = run;
    this.where = where;
  }

  static LedgerRecording dryRun(CreditLedger ledger, String where) {
    return new LedgerRecording(ledger, null, where);
  }

  static LedgerRecording start(CreditLedger ledger, List<String> policyDigests, List<String> campaignDigests,
      String where) {
    try {
      return new LedgerRecording(ledger, ledger.startRun(policyDigests, campaignDigests), where);
    } catch (LedgerException e) {
      throw failed(where, e);
    }
  }

  /** A result of the batch: its lines are recorded, a chunk at a time. */
  void add(BatchResult result) {
    if (this == NONE) {
      return;
    }
    switch (result) {
      case BatchResult.Decided d -> {
        decided++;
        lines += d.decision().lines().size();
        if (run != null) {
          buffer.addAll(d.decision().lines());
          while (buffer.size() >= ledger.chunkSize()) {
            record(buffer.subList(0, ledger.chunkSize()));
          }
        }
      }
      case BatchResult.Rejected r -> rejected++;
    }
  }

  /** Records what is buffered. */
  void flush() {
    if (run != null && !buffer.isEmpty()) {
      record(buffer);
    }
  }

  /** Records a chunk (a view of the buffer), then drops it from the buffer. */
  private void record(List<CreditLine> chunk) {
    try {
      run.record(chunk);
    } catch (LedgerException e) {
      throw failed(where, e);
    }
    chunk.clear();
  }

  /**
   * Records what is left and the run's end, and says on {@code err} how many lines were recorded.
   *
   * @param read the accounts read
   * @param badLines every rejection reported (bad lines of any file, rejected requests)
   */
  void finish(long read, long badLines, PrintWriter err) {
    if (this == NONE) {
      return;
    }
    if (run == null) {
      err.println("ledger: dry run: would record " + lines + " credit lines in " + where + "; nothing was recorded");
      err.flush();
      return;
    }
    flush();
    try {
      run.finish(new RunCounts(read, decided, Math.max(rejected, badLines)));
    } catch (LedgerException e) {
      throw failed(where, e);
    }
    long already = lines - run.recorded();
    err.println("ledger: recorded " + run.recorded() + " credit lines in " + where + " (run " + run.id() + ")"
        + (already == 0 ? "" : "; " + already + " were recorded already, by another run"));
    err.flush();
  }

  private static CliException failed(String where, LedgerException e) {
    return new CliException(ExitCodes.FAILURE, "ledger " + where + ": " + e.getMessage()
        + ". Whole chunks recorded before stay; run the same command again to complete the period");
  }
}
