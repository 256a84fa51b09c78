package dev.amends.spark;

import dev.amends.core.account.Account;
import dev.amends.core.outage.OutageLog;
import dev.amends.core.telemetry.TelemetryLog;
import dev.amends.core.time.BillingPeriod;
import dev.amends.rules.Campaign;
import dev.amends.rules.Claim;
import dev.amends.rules.CreditEngine;
import dev.amends.rules.DecisionRequest;
import dev.amends.rules.IssuedCredit;
import dev.amends.rules.Policy;
import dev.amends.rules.PolicyBook;
import dev.amends.rules.json.AccountRecord;
import dev.amends.rules.json.CampaignDocuments;
import dev.amends.rules.json.PolicyDocuments;
import dev.amends.rules.json.RecordFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One engine per executor JVM and run input: built lazily by the first task that needs it, from
 * the broadcast documents, and shared by every later task of the executor (the outage log, the
 * compiled policies and the claims are built once, not per task). At most {@value #KEPT} inputs
 * are kept; the least recently used goes first.
 */
final class ExecutorEngines {
  static final int KEPT = 4;

  private static final Map<String, Prepared> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
      return size() > KEPT;
    }
  };

  /** Engines built in this JVM so far: for the tests. */
  static final AtomicInteger BUILT = new AtomicInteger();

  private ExecutorEngines() {}

  /** The prepared engine for these inputs, built on first use in this JVM. */
  static Prepared of(JobInputs inputs) {
    synchronized (CACHE) {
      Prepared p = CACHE.get(inputs.id());
      if (p == null) {
        p = Prepared.build(inputs);
        BUILT.incrementAndGet();
        CACHE.put(inputs.id(), p);
      }
      return p;
    }
  }

  /**
   * An engine with traces off and what turns an account into its request, as {@code amends
   * credit} does: the billing period starting in the month, the account's claims, and the
   * credits issued for that period (one without a period counts as issued for it).
   */
  record Prepared(CreditEngine engine, YearMonth period, Instant evaluatedAt,
      Map<String, List<Claim>> claims, Map<String, List<AccountRecord<IssuedCredit>>> issued) {

    static Prepared build(JobInputs in) {
      List<Policy> policies = in.policies().stream().map(d -> PolicyDocuments.standard().read(d).value()).toList();
      Campaign[] campaigns = in.campaigns().stream().map(d -> CampaignDocuments.standard().read(d).value())
          .toArray(Campaign[]::new);
      CreditEngine.Builder b = CreditEngine.builder()
          .policies(PolicyBook.of(policies))
          .campaigns(campaigns)
          .outages(OutageLog.of(in.outages().stream().map(RecordFormat.OUTAGES::fromLine).toList()))
          .traces(false);
      if (!in.telemetry().isEmpty()) {
        b.telemetry(TelemetryLog.of(in.telemetry().stream().map(RecordFormat.TELEMETRY::fromLine).toList()));
      }
      Map<String, List<Claim>> claims = new HashMap<>();
      for (String line : in.claims()) {
        AccountRecord<Claim> c = RecordFormat.CLAIMS.fromLine(line);
        claims.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c.record());
      }
      Map<String, List<AccountRecord<IssuedCredit>>> issued = new HashMap<>();
      for (String line : in.issued()) {
        AccountRecord<IssuedCredit> c = RecordFormat.ISSUED_CREDITS.fromLine(line);
        issued.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c);
      }
      return new Prepared(b.build(), YearMonth.parse(in.period()),
          in.evaluatedAt() == null ? null : Instant.parse(in.evaluatedAt()), claims, issued);
    }

    /**
     * The account's request.
     *
     * @throws dev.amends.core.AmendsException if no period of the account's schedule starts in
     *     the month
     */
    DecisionRequest request(Account account) {
      BillingPeriod bp = account.billing().periodStartingIn(period);
      DecisionRequest.Builder b = DecisionRequest.builder().account(account).period(bp);
      if (evaluatedAt != null) {
        b.evaluatedAt(evaluatedAt);
      }
      b.addAllClaims(claims.getOrDefault(account.id(), List.of()));
      for (AccountRecord<IssuedCredit> c : issued.getOrDefault(account.id(), List.of())) {
        if (c.periodStart().map(bp.startDate()::equals).orElse(true)) {
          b.addIssued(c.record());
        }
      }
      return b.build();
    }
  }
}
