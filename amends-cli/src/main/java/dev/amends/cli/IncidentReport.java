package dev.amends.cli;

import dev.amends.cli.report.IncidentPage;
import dev.amends.cli.report.ReportView;
import dev.amends.core.AmendsException;
import dev.amends.core.account.Account;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.CreditLine;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.LiabilitySummary;
import dev.amends.rules.json.RecordLine;
import dev.amends.rules.json.RecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code credit --report FILE.html}: one self-contained HTML page (inline CSS and SVG, no script,
 * nothing fetched) drawn by {@link IncidentPage} from a {@link ReportView}: the totals, the outages against the announced maintenance windows, liability by
 * plan, scope and rule as bar charts, and the largest credits with the explanations of their
 * accounts, decided again with traces on. jte escapes every text it is given.
 */
final class IncidentReport {
  private IncidentReport() {}

  /**
   * Writes the report of a run.
   *
   * @param counts the run's counts shown first, in order
   * @throws CliException with {@link ExitCodes#WRITE_FAILED} if the file cannot be written
   */
  static void write(Writer file, Inputs inputs, LiabilitySummary summary, Map<String, String> counts) {
    List<YearMonth> months = inputs.months();
    YearMonth first;
    YearMonth last;
    if (!months.isEmpty()) {
      first = months.get(0);
      last = months.get(months.size() - 1);
    } else if (inputs.periods != null) {
      first = inputs.periods.first();
      last = inputs.periods.last();
    } else {
      // --periods-touched and nothing decided: the months of the outages, if any
      List<YearMonth> touched = inputs.outagesRead.stream()
          .map(o -> YearMonth.from(o.window().getStart().atOffset(ZoneOffset.UTC))).sorted().toList();
      if (touched.isEmpty()) {
        throw new CliException(ExitCodes.USAGE, "cannot write --report: no month was decided and no outage read");
      }
      first = touched.get(0);
      last = touched.get(touched.size() - 1);
    }
    ReportView view = ReportView.of(first, last, inputs.policyNames(), inputs.outagesRead, summary,
        counts, explanations(inputs, summary));
    try {
      file.write(IncidentPage.render(view));
    } catch (IOException e) {
      throw new CliException(ExitCodes.WRITE_FAILED, "cannot write --report: " + OutputFile.reason(e));
    }
  }

  /**
   * The accounts' explanations, decided again with traces on: the accounts file is read again for
   * them (its bad lines were reported already and are skipped quietly).
   */
  static Map<String, String> explanations(Inputs inputs, LiabilitySummary summary) {
    // each account is explained for the period of its largest credit
    Map<String, YearMonth> monthOf = new LinkedHashMap<>();
    for (CreditLine l : summary.largest()) {
      monthOf.putIfAbsent(l.accountId(), YearMonth.from(l.period().startDate()));
    }
    List<String> accountIds = List.copyOf(monthOf.keySet());
    Map<String, Account> found = new HashMap<>();
    if (!accountIds.isEmpty()) {
      try (RecordReader<Account> in = inputs.accountReader()) {
        while (in.hasNext() && found.size() < accountIds.size()) {
          if (in.next() instanceof RecordLine.Accepted<Account> a && accountIds.contains(a.record().id())) {
            found.putIfAbsent(a.record().id(), a.record());
          }
        }
      } catch (IOException | UncheckedIOException e) {
        throw Inputs.unreadable(inputs.accounts, e);
      }
    }
    CreditEngine traced = accountIds.isEmpty() ? null : inputs.tracedEngine();
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : accountIds) {
      Account a = found.get(id);
      String text;
      if (a == null) {
        text = "account " + id + " was not found again in " + inputs.accounts;
      } else {
        try {
          inputs.period = monthOf.get(id);
          DecisionRequest request = inputs.request(a);
          text = request == null ? "account " + id + ": no outage overlaps its period starting in " + inputs.period
              : traced.decide(request).explain();
        } catch (AmendsException e) {
          text = "account " + id + " could not be decided again: " + e.getMessage();
        }
      }
      out.put(id, text);
    }
    return out;
  }
}
