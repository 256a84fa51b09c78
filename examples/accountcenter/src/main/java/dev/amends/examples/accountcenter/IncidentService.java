package dev.amends.examples.accountcenter;

import dev.amends.core.account.Account;
import dev.amends.core.outage.Outage;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.time.BillingPeriod;
import dev.amends.ledger.CreditLedger;
import dev.amends.ledger.LedgerRun;
import dev.amends.ledger.RunCounts;
import dev.amends.rules.BatchOptions;
import dev.amends.rules.BatchResult;
import dev.amends.rules.Campaign;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.CreditLine;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.IssuedCredit;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * "Incident closed": stores the outages, then decides every account for each of its billing
 * periods the outages overlap, with the batch API, against what the ledger already holds, and
 * records the differences. Posting the same incident again decides the same credits, finds them
 * issued, and records nothing.
 *
 * <p>Every account is handed to the engine: the engine decides who is affected (a placement under
 * an outage's scope, a campaign's eligibility), and an unaffected account gets no line. One
 * incident at a time in this process: two different incidents decided at once would each read the
 * ledger before the other recorded, and the second would meet the first's lines as a conflict
 * rather than reconcile with them. (Several instances of the service would take a database lock
 * instead; the ledger's unique keys still forbid any double credit.)
 */
@Service
class IncidentService {
  private final Documents documents;
  private final OutageStore outages;
  private final CreditLedger ledger;

  IncidentService(Documents documents, OutageStore outages, CreditLedger ledger) {
    this.documents = documents;
    this.outages = outages;
    this.ledger = ledger;
  }

  /**
   * What one "incident closed" did.
   *
   * @param run the ledger run that recorded the lines
   * @param periods the months the decided billing periods start in, such as {@code 2007-12}
   * @param outages how many outages were posted
   * @param decided how many account-periods were decided
   * @param rejected the account-periods the engine refused, each with its reason
   * @param lines the lines the decisions gave (only differences from what was issued)
   * @param recorded the lines this call recorded (fewer when another caller recorded some first)
   */
  record Closed(String run, List<String> periods, int outages, long decided, List<String> rejected, long lines,
      long recorded) {}

  /** Stores the outages, decides and records; see the class comment. */
  synchronized Closed close(List<Outage> posted) {
    outages.save(posted);
    OutageLog known = outages.all();
    CreditEngine engine = CreditEngine.builder().policies(documents.policies()).outages(known)
        .campaigns(documents.campaigns().toArray(Campaign[]::new)).build();

    // each account's billing periods that the posted outages overlap, by the month they start in
    Map<YearMonth, List<Target>> byMonth = new TreeMap<>();
    for (Account account : documents.accounts()) {
      TreeSet<BillingPeriod> periods = new TreeSet<>();
      for (Outage o : posted) {
        Instant end = o.window().isUnboundedEnd() ? o.window().getStart() : o.window().getEnd();
        periods.addAll(account.billing().periodsBetween(o.window().getStart(), end));
      }
      for (BillingPeriod p : periods) {
        byMonth.computeIfAbsent(YearMonth.from(p.startDate()), m -> new ArrayList<>()).add(new Target(account, p));
      }
    }

    List<String> rejected = new ArrayList<>();
    long decided = 0;
    long lines = 0;
    try (LedgerRun run = ledger.startRun(documents.policyDigests(), documents.campaignDigests())) {
      List<CreditLine> chunk = new ArrayList<>();
      for (Map.Entry<YearMonth, List<Target>> month : byMonth.entrySet()) {
        List<Target> targets = month.getValue();
        Map<String, List<IssuedCredit>> issued =
            ledger.issued(targets.stream().map(t -> t.account().id()).toList(), month.getKey());
        Stream<DecisionRequest> requests = targets.stream().map(t -> DecisionRequest.builder().account(t.account())
            .period(t.period()).addAllIssued(issued.getOrDefault(t.account().id(), List.of())).build());
        try (Stream<BatchResult> results = engine.decideAll(requests, BatchOptions.defaults())) {
          for (BatchResult result : (Iterable<BatchResult>) results::iterator) {
            switch (result) {
              case BatchResult.Decided d -> {
                decided++;
                lines += d.decision().lines().size();
                chunk.addAll(d.decision().lines());
                if (chunk.size() >= ledger.chunkSize()) {
                  run.record(chunk);
                  chunk.clear();
                }
              }
              case BatchResult.Rejected r -> rejected.add(r.accountId().orElse("?") + " " + month.getKey() + ": "
                  + r.reason());
            }
          }
        }
      }
      run.record(chunk);
      run.finish(new RunCounts(byMonth.values().stream().mapToLong(List::size).sum(), decided, rejected.size()));
      return new Closed(run.id(), byMonth.keySet().stream().map(YearMonth::toString).toList(), posted.size(), decided,
          rejected, lines, run.recorded());
    }
  }

  private record Target(Account account, BillingPeriod period) {}
}
